using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>One published item of the catalogue with the fields Art. 12 requires (索引, 名称, 内容概述, 生成日期) and the rest.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.CatalogPolicy)]
public sealed class ItemModel(CurrentAgency agency, CatalogSearch search, Gongkai.Web.Catalog.CatalogWorkspace workspace) : PageModel
{
    public CatalogSearchHit Item { get; private set; } = null!;

    /// <summary>The attachments the public downloads (附件), in the order they were attached.</summary>
    public IReadOnlyList<CatalogAttachmentInfo> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var item = await search.FindPublishedAsync(current.Id, id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        Files = await (await workspace.StoreAsync(cancellationToken)).AttachmentsAsync(id, cancellationToken);
        return Page();
    }

    public static string ValidityText(Validity validity) => validity switch
    {
        Validity.Valid => "有效",
        Validity.Expired => "失效",
        Validity.Repealed => "废止",
    };
}
