using Gongkai.Application.Staff;

namespace Gongkai.Web.Security;

/// <summary>
/// 审核岗位: the review roles a staff member holds in an agency's chain before publication (保密审查员, 科室负责人,
/// 分管领导, 主要负责人 — whatever the chain names, Art. 17 and the agency's own rules). Held per agency (table
/// <c>review_duties</c>, schema 0020, <see cref="ReviewDutyStore"/>), assigned by an administrator per agency at 用户 or
/// 目录与审核设置, and read from the database at each decision for the item's agency, so that a duty taken away stops
/// at once and a 保密审查员 of one agency decides nothing in another.
/// </summary>
public static class ReviewDuties
{
    /// <summary>The usual 审核岗位 offered when a chain is edited (with those already used by the chain or held by staff).</summary>
    public static IReadOnlyList<string> Standard => ReviewDutyStore.Standard;

    /// <summary>The duties the signed-in user holds in the agency now (from the database, not the cookie).</summary>
    public static async Task<IReadOnlySet<string>> OfAsync(ReviewDutyStore duties, System.Security.Claims.ClaimsPrincipal principal, int agencyId, CancellationToken cancellationToken = default) =>
        principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } userId
            ? await duties.HeldAsync(userId, agencyId, cancellationToken)
            : new HashSet<string>();
}
