using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>同意 at the pending review step, by a holder of its 审核岗位 (Art. 17); refused under 审核分离 for the drafter or a second step.</summary>
public sealed class ApproveCatalogItem(CatalogStores stores, Staff.ReviewDutyStore duties)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(CatalogDecisionRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        if (await ReviewerCheck.ProblemAsync(store, duties, request, cancellationToken) is { } problem)
        {
            return problem;
        }

        return (await store.DecideAsync(request.Step.AgencyId, request.Step.IndexNumber, approve: true, request.Step.Actor, request.Role, request.Reason, request.Step.SeenVersion, cancellationToken)).ToResult();
    }
}
