using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Security;

/// <summary>
/// 审核岗位: the review roles a staff member holds in the agency's chain before publication (保密审查员, 科室负责人,
/// 分管领导, 主要负责人 — whatever the chain names, Art. 17 and the agency's own rules). Kept as Identity user claims,
/// assigned by an administrator, and read from the database at each decision, so that a duty taken away stops at once.
/// </summary>
public static class ReviewDuties
{
    /// <summary>The claim type of a review duty; its value is the chain step's role.</summary>
    public const string ClaimType = "gongkai:review-duty";

    /// <summary>The usual 审核岗位 offered when a chain is edited (with those already used by the chain or held by staff).</summary>
    public static IReadOnlyList<string> Standard { get; } = ["保密审查员", "科室负责人", "分管领导", "主要负责人", "办公室主任", "法制审核员"];

    /// <summary>The duties the signed-in user holds now (from the database, not the cookie).</summary>
    public static async Task<IReadOnlySet<string>> OfAsync(UserManager<StaffUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        return user is null ? new HashSet<string>() : await OfAsync(users, user);
    }

    /// <summary>The duties <paramref name="user"/> holds.</summary>
    public static async Task<IReadOnlySet<string>> OfAsync(UserManager<StaffUser> users, StaffUser user) =>
        (await users.GetClaimsAsync(user)).Where(c => c.Type == ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Gives <paramref name="user"/> exactly <paramref name="duties"/>: adds the missing ones, removes the others.</summary>
    public static async Task<IdentityResult> SetAsync(UserManager<StaffUser> users, StaffUser user, IEnumerable<string> duties)
    {
        var wanted = duties.Select(d => d.Trim()).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
        var held = (await users.GetClaimsAsync(user)).Where(c => c.Type == ClaimType).ToList();
        var remove = held.Where(c => !wanted.Contains(c.Value)).ToList();
        if (remove.Count > 0 && await users.RemoveClaimsAsync(user, remove) is { Succeeded: false } removed)
        {
            return removed;
        }

        var add = wanted.Where(w => held.All(c => c.Value != w)).Select(w => new Claim(ClaimType, w)).ToList();
        return add.Count > 0 ? await users.AddClaimsAsync(user, add) : IdentityResult.Success;
    }
}
