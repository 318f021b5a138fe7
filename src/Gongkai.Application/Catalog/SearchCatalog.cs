using Gongkai.Data;
using Gongkai.Data.Disclosure;

namespace Gongkai.Application.Catalog;

/// <summary>
/// A search of the published catalogue (Art. 24: the disclosure platform offers search): every word in the 名称 or 内容概述,
/// of one agency or all (<paramref name="AgencyId"/> null), optionally of one 主题分类 (its code); <paramref name="Page"/> counts from 1.
/// </summary>
public sealed record SearchCatalogRequest(int? AgencyId, string Words, string? CategoryCode = null, int Page = 1);

/// <summary>检索: published items containing every search word, newest first, a page at a time (<see cref="CatalogSearch"/>).</summary>
public sealed class SearchCatalog(GongkaiDbContext db)
{
    public Task<CatalogSearchResult> ExecuteAsync(SearchCatalogRequest request, CancellationToken cancellationToken = default) =>
        new CatalogSearch(db).SearchAsync(request.AgencyId, request.Words, request.CategoryCode, request.Page, cancellationToken: cancellationToken);
}
