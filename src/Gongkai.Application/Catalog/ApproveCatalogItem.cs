using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>同意 at the pending review step, by a holder of its 审核岗位 (Art. 17); refused under 审核分离 for the drafter or a second step.</summary>
public sealed class ApproveCatalogItem(CatalogStores stores, Staff.ReviewDutyStore duties)
{
    public Task<Result<CatalogItemSaved>> ExecuteAsync(CatalogDecisionRequest request, CancellationToken cancellationToken = default) =>
        CatalogDecision.DecideAsync(stores, duties, request, approve: true, cancellationToken);
}
