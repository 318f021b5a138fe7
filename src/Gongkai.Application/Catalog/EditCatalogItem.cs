using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>修改: a draft's Art. 12 fields.</summary>
public sealed record EditCatalogItemRequest(CatalogStepRequest Step, CatalogEdit Edit);

/// <summary>修改 a draft (Art. 12 fields); the 索引号 stays; items in review or published are refused.</summary>
public sealed class EditCatalogItem(CatalogStores stores)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(EditCatalogItemRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return await store.EditAsync(request.Step.AgencyId, request.Step.IndexNumber, request.Edit, request.Step.Actor, request.Step.SeenVersion, cancellationToken);
    }
}
