using System.Security.Claims;
using Gongkai.Data.Records;
using Gongkai.Web.Security;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The agency a request is about. On the portal: the agency of the address <c>/agencies/{code}/…</c> (route value
/// <see cref="RouteKey"/>; an unknown code is answered 404 before any page runs, see <see cref="AgencyColumns"/>), or
/// the root government without the prefix. In the back office and the API: the agency the signed-in person chose at
/// 当前单位 among those they work for (<see cref="StaffContext"/>). Staff choices are never read on the portal, so a
/// cached public page is always one agency's own.
/// </summary>
public sealed class CurrentAgency(AgencyList agencies, StaffContext staff, IHttpContextAccessor http)
{
    /// <summary>The route value that names an agency's column.</summary>
    public const string RouteKey = "agency";

    private AgencyRecord? _agency;

    public async Task<AgencyRecord> GetAsync(CancellationToken cancellationToken = default) =>
        _agency ??= await ResolveAsync(cancellationToken);

    /// <summary>The code of the column the request is in, or null for the root government's own pages.</summary>
    public string? ColumnCode => http.HttpContext?.GetRouteValue(RouteKey) as string;

    private async Task<AgencyRecord> ResolveAsync(CancellationToken cancellationToken)
    {
        var context = http.HttpContext;
        if (ColumnCode is { } code)
        {
            return await agencies.FindByCodeAsync(code, cancellationToken)
                ?? throw new InvalidOperationException($"机关代码“{code}”不存在（应已答复404）。");
        }

        if (context is not null && IsStaffArea(context.Request.Path)
            && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId
            && (await staff.ForUserAsync(userId, cancellationToken)).Current is { } chosen)
        {
            return chosen;
        }

        return await agencies.RootAsync(cancellationToken);
    }

    /// <summary>The back office, the API and the account pages: the agency is the one the person works in.</summary>
    public static bool IsStaffArea(PathString path) =>
        path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase);
}
