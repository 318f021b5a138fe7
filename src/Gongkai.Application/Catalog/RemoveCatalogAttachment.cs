using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>An attachment to remove from a draft.</summary>
public sealed record RemoveCatalogAttachmentRequest(CatalogStepRequest Step, long AttachmentId);

/// <summary>Removes an attachment (and its file) from a draft.</summary>
public sealed class RemoveCatalogAttachment(CatalogStores stores)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(RemoveCatalogAttachmentRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return await store.RemoveAttachmentAsync(request.Step.AgencyId, request.Step.IndexNumber, request.AttachmentId, request.Step.Actor, request.Step.SeenVersion, cancellationToken);
    }
}
