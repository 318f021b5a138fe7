using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>同意 at the pending review step, by a holder of its 审核岗位 (Art. 17); refused under 审核分离 for the drafter or a second step.</summary>
public sealed class ApproveCatalogItem(CatalogStores stores, Staff.ReviewDutyStore duties) : CatalogDecision(stores, duties, approve: true);

/// <summary>退回 with a reason at the pending review step (Art. 17): the item returns to draft.</summary>
public sealed class RefuseCatalogItem(CatalogStores stores, Staff.ReviewDutyStore duties) : CatalogDecision(stores, duties, approve: false);

/// <summary>
/// A decision at the pending review step (同意 or 退回, Art. 17), the one path of <see cref="ApproveCatalogItem"/> and
/// <see cref="RefuseCatalogItem"/>: a signed-in reviewer must hold the step's 审核岗位 in the item's agency, read from the
/// database at the decision; then the store decides on the version the person saw.
/// </summary>
public abstract class CatalogDecision(CatalogStores stores, Staff.ReviewDutyStore duties, bool approve)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(CatalogDecisionRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        if (await ReviewerProblemAsync(store, request, cancellationToken) is { } problem)
        {
            return problem;
        }

        return await store.DecideAsync(request.Step.AgencyId, request.Step.IndexNumber, approve, request.Step.Actor, request.Role, request.Reason, request.Step.SeenVersion, cancellationToken);
    }

    /// <summary>Whether the person deciding holds the step's 审核岗位 in the item's agency (Art. 17: each step is decided by the agency's own reviewer for it).</summary>
    private async Task<Error?> ReviewerProblemAsync(CatalogStore store, CatalogDecisionRequest request, CancellationToken cancellationToken)
    {
        // The item is read before its version is checked: another reviewer deciding in between moves the version on, and
        // this decision then goes to the store, which says who decided (read the other way round, the item could already
        // stand at the next step and the reviewer would wrongly be told they lack that step's 审核岗位).
        if (request.ReviewerId is not { } reviewer
            || await store.FindAsync(request.Step.AgencyId, request.Step.IndexNumber, cancellationToken) is not { PendingStep: { } step }
            || (request.Step.SeenVersion is { } seen && seen != await duties.VersionOfAsync(request.Step.AgencyId, request.Step.IndexNumber, cancellationToken)))
        {
            // Not a signed-in reviewer, no step pending, or a page older than the item: the store answers (not found; not in
            // review; stale version, saying what changed since).
            return null;
        }

        var role = request.Role ?? step.Role;
        var held = await duties.HeldAsync(reviewer, request.Step.AgencyId, cancellationToken);
        return held.Contains(role) && role == step.Role
            ? null
            : new Forbidden($"您在本单位没有“{step.Role}”审核岗位，不能审核“{step.Name}”步骤；审核岗位由本单位管理员在用户管理中按单位分配。");
    }
}
