using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>发布 on a date (default today in China); Art. 26 lateness counts from 生成日期.</summary>
public sealed record PublishCatalogItemRequest(CatalogStepRequest Step, DateOnly? On = null);

/// <summary>发布 (办公室发布) an approved item: into the public catalogue (Art. 12) and its search.</summary>
public sealed class PublishCatalogItem(CatalogStores stores)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(PublishCatalogItemRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return await store.PublishAsync(request.Step.AgencyId, request.Step.IndexNumber, request.Step.Actor, request.On, request.Step.SeenVersion, cancellationToken);
    }
}
