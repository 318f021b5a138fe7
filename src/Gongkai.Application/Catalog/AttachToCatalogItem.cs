using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>Files to attach to a draft, all or none.</summary>
public sealed record AttachToCatalogItemRequest(CatalogStepRequest Step, IReadOnlyList<(string FileName, byte[] Content)> Files, long MaxBytes = AttachmentRules.DefaultMaxBytes);

/// <summary>附件: attaches files to a draft, all or none, each checked by content (<see cref="AttachmentRules"/>).</summary>
public sealed class AttachToCatalogItem(CatalogStores stores)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(AttachToCatalogItemRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return await store.AddAttachmentsAsync(request.Step.AgencyId, request.Step.IndexNumber, request.Files, request.Step.Actor, request.MaxBytes, request.Step.SeenVersion, cancellationToken);
    }
}
