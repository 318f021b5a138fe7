using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>送审 (Art. 17): into the agency's current review chain.</summary>
public sealed class SubmitCatalogItem(CatalogStores stores)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(CatalogStepRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return await store.SubmitAsync(request.AgencyId, request.IndexNumber, request.Actor, request.SeenVersion, cancellationToken);
    }
}
