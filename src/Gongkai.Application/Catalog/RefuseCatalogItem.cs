using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>退回 with a reason at the pending review step (Art. 17): the item returns to draft.</summary>
public sealed class RefuseCatalogItem(CatalogStores stores, Staff.ReviewDutyStore duties)
{
    public Task<Result<CatalogItemSaved>> ExecuteAsync(CatalogDecisionRequest request, CancellationToken cancellationToken = default) =>
        CatalogDecision.DecideAsync(stores, duties, request, approve: false, cancellationToken);
}
