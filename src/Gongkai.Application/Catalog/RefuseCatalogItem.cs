using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>退回 with a reason at the pending review step (Art. 17): the item returns to draft.</summary>
public sealed class RefuseCatalogItem(CatalogStores stores)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(CatalogDecisionRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return (await store.DecideAsync(request.Step.AgencyId, request.Step.IndexNumber, approve: false, request.Step.Actor, request.Role, request.Reason, request.Step.SeenVersion, cancellationToken)).ToResult();
    }
}
