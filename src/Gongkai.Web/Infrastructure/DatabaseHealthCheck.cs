using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gongkai.Web.Infrastructure;

/// <summary><c>/healthz</c>: healthy when the database answers a query on Gongkai's schema.</summary>
internal sealed class DatabaseHealthCheck(GongkaiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Agencies.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The outage is reported (503), not hidden; the message carries no personal data.
            return HealthCheckResult.Unhealthy("数据库不可用", e);
        }
    }
}
