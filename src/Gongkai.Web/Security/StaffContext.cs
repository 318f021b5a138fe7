using System.Security.Claims;
using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Security;

/// <summary>
/// The agency a member of staff is working in on this request (当前单位) and what they may do there. The agencies on
/// offer are those the person holds a role in, then those below an agency where they hold <c>supervisor</c> (read-only,
/// the whole subtree). The choice is remembered in a cookie (<see cref="CookieName"/>) and checked on every request:
/// a value naming any other agency falls back to the first on offer.
/// </summary>
public sealed class StaffContext(StaffDbContext staff, AgencyList agencies, IHttpContextAccessor http)
{
    /// <summary>The cookie that remembers the chosen agency (its id).</summary>
    public const string CookieName = "gongkai.agency";

    private string? _userId;
    private StaffChoice? _choice;

    /// <summary>The choice made for the signed-in user on this request, once <see cref="ForUserAsync"/> has run.</summary>
    public StaffChoice? Current => _choice;

    /// <summary>The user's agencies, the chosen one and the roles held there; computed once per request.</summary>
    public async Task<StaffChoice> ForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (_choice is not null && _userId == userId)
        {
            return _choice;
        }

        var memberships = await staff.Memberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var all = await agencies.AllAsync(cancellationToken);
        var offered = new List<AgencyRecord>();
        foreach (var id in memberships.Select(m => m.AgencyId).Distinct().Order())
        {
            if ((all.FirstOrDefault(a => a.Id == id) ?? await agencies.FindAsync(id, cancellationToken)) is { } agency)
            {
                offered.Add(agency);
            }
        }

        if (offered.Count > 0 && offered.Any(o => !all.Contains(o)))
        {
            all = await agencies.AllAsync(cancellationToken);
        }

        // 监督 covers the subtree (read-only): every agency below one where the person holds supervisor.
        var supervisedFrom = memberships.Where(m => m.Role == StaffRoles.Supervisor).Select(m => m.AgencyId).ToHashSet();
        var supervised = new HashSet<int>();
        foreach (var root in supervisedFrom.Order())
        {
            foreach (var agency in AgencyList.Subtree(all, root).Skip(1))
            {
                supervised.Add(agency.Id);
                if (offered.All(a => a.Id != agency.Id))
                {
                    offered.Add(agency);
                }
            }
        }

        AgencyRecord? chosen = null;
        if (http.HttpContext?.Request.Cookies[CookieName] is { } remembered
            && int.TryParse(remembered, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rememberedId))
        {
            chosen = offered.FirstOrDefault(a => a.Id == rememberedId);
        }

        chosen ??= offered.FirstOrDefault();
        var roles = chosen is null
            ? new List<string>()
            : memberships.Where(m => m.AgencyId == chosen.Id).Select(m => m.Role).Distinct().ToList();
        if (chosen is not null && supervised.Contains(chosen.Id) && !roles.Contains(StaffRoles.Supervisor))
        {
            roles.Add(StaffRoles.Supervisor);
        }

        _userId = userId;
        _choice = new StaffChoice(offered, chosen, roles);
        return _choice;
    }
}

/// <summary>The agencies a person may work in, the one chosen (null: none) and the roles held there.</summary>
public sealed record StaffChoice(IReadOnlyList<AgencyRecord> Agencies, AgencyRecord? Current, IReadOnlyList<string> Roles);

/// <summary>
/// Recomputes the principal's roles on every request for the agency the person is working in: Identity's global role
/// claims are dropped, the memberships held in the current agency (and <c>supervisor</c> below an agency supervised)
/// are added. Every IsInRole check and policy then answers for the current agency.
/// </summary>
internal sealed class MembershipClaimsTransformation(StaffContext context) : IClaimsTransformation
{
    /// <summary>Marks a principal already transformed (the transformation may run several times per request).</summary>
    public const string CurrentAgencyClaim = "gongkai:current-agency";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } || principal.HasClaim(c => c.Type == CurrentAgencyClaim))
        {
            return principal;
        }

        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } userId)
        {
            return principal;
        }

        var choice = await context.ForUserAsync(userId);
        var result = principal.Clone();
        var identity = (ClaimsIdentity)result.Identity!;
        foreach (var claim in identity.FindAll(identity.RoleClaimType).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var role in choice.Roles)
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, role));
        }

        identity.AddClaim(new Claim(CurrentAgencyClaim, choice.Current?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
        return result;
    }
}
