using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>The new 有效性.</summary>
public sealed record SetCatalogItemValidityRequest(CatalogStepRequest Step, Validity Validity);

/// <summary>有效性 变更 (失效, 废止): the item stays in the catalogue, marked so.</summary>
public sealed class SetCatalogItemValidity(CatalogStores stores)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(SetCatalogItemValidityRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return await store.ChangeValidityAsync(request.Step.AgencyId, request.Step.IndexNumber, request.Validity, request.Step.Actor, request.Step.SeenVersion, cancellationToken);
    }
}
