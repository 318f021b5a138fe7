using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Agencies;

/// <summary>
/// Finding agencies by the name people use for them. Agencies are created only by <c>Gongkai.Application.Agencies.AddAgency</c>
/// (never as a side effect of naming one); <c>Gongkai.Application.Agencies.ResolveAgency</c> also takes the code.
/// </summary>
public static class AgencyDirectory
{
    public static Task<AgencyRecord?> FindAsync(GongkaiDbContext db, string name, CancellationToken cancellationToken = default) =>
        db.Agencies.SingleOrDefaultAsync(a => a.Name == name.Trim(), cancellationToken);
}
