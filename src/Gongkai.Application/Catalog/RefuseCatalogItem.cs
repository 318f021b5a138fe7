using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>退回 with a reason at the pending review step (Art. 17): the item returns to draft.</summary>
public sealed class RefuseCatalogItem(CatalogStores stores, Staff.ReviewDutyStore duties)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(CatalogDecisionRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        if (await ReviewerCheck.ProblemAsync(store, duties, request, cancellationToken) is { } problem)
        {
            return problem;
        }

        return (await store.DecideAsync(request.Step.AgencyId, request.Step.IndexNumber, approve: false, request.Step.Actor, request.Role, request.Reason, request.Step.SeenVersion, cancellationToken)).ToResult();
    }
}
