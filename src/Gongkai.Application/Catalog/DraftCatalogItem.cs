using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>
/// 拟稿: a new item of the catalogue (Art. 12 fields) with the next 索引号 of the agency's pattern and, when given, its
/// files (all or none). A draft whose files could not be stored (a race with another change) is kept, and
/// <see cref="CatalogItemSaved.FilesRefused"/> says why the files are missing.
/// </summary>
public sealed class DraftCatalogItem(CatalogStores stores)
{
    public async Task<Result<CatalogItemSaved>> ExecuteAsync(NewCatalogItem item, IReadOnlyList<(string FileName, byte[] Content)> files, long maxBytes = AttachmentRules.DefaultMaxBytes,
        CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        var added = await store.AddAsync(item, cancellationToken);
        if (added.Value is not { } saved || files.Count == 0)
        {
            return added;
        }

        var attached = await store.AddAttachmentsAsync(item.AgencyId, saved.Item.IndexNumber, files, item.Actor ?? string.Empty, maxBytes, cancellationToken: cancellationToken);
        return attached.Error is { } error ? Result.Ok(saved with { FilesRefused = error.Message }) : attached;
    }
}
