using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>撤回 from the portal with a reason.</summary>
public sealed record WithdrawCatalogItemRequest(CatalogStepRequest Step, string Reason);

/// <summary>撤回: off the portal and out of the search index, with a reason.</summary>
public sealed class WithdrawCatalogItem(CatalogStores stores)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(WithdrawCatalogItemRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return await store.WithdrawAsync(request.Step.AgencyId, request.Step.IndexNumber, request.Step.Actor, request.Reason, request.Step.SeenVersion, cancellationToken);
    }
}
