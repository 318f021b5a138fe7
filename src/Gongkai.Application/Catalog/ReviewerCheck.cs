using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>
/// Whether the person deciding a review step holds its 审核岗位 in the item's agency (Art. 17: each step is decided by
/// the agency's own reviewer for it), read from the database at the decision.
/// </summary>
internal static class ReviewerCheck
{
    public static async Task<Error?> ProblemAsync(CatalogStore store, Staff.ReviewDutyStore duties, CatalogDecisionRequest request, CancellationToken cancellationToken)
    {
        if (request.ReviewerId is not { } reviewer
            || (request.Step.SeenVersion is { } seen && seen != await duties.VersionOfAsync(request.Step.AgencyId, request.Step.IndexNumber, cancellationToken))
            || await store.FindAsync(request.Step.AgencyId, request.Step.IndexNumber, cancellationToken) is not { PendingStep: { } step })
        {
            // Not a signed-in reviewer, a page older than the item, or no step pending: the store answers (stale version, saying
            // what changed since; not found; not in review).
            return null;
        }

        var role = request.Role ?? step.Role;
        var held = await duties.HeldAsync(reviewer, request.Step.AgencyId, cancellationToken);
        return held.Contains(role) && role == step.Role
            ? null
            : new Forbidden($"您在本单位没有“{step.Role}”审核岗位，不能审核“{step.Name}”步骤；审核岗位由本单位管理员在用户管理中按单位分配。");
    }
}
