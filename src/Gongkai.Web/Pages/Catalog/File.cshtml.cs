using Gongkai.Web.Catalog;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>An attachment of a published catalogue item, for the public (Art. 12); drafts' and withdrawn items' files are not found.</summary>
[AllowAnonymous]
public sealed class FileModel(CatalogWorkspace workspace, CurrentAgency agency) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, long fileId, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var found = await (await workspace.StoreAsync(cancellationToken)).AttachmentAsync(current.Id, id, fileId, publishedOnly: true, cancellationToken);
        return found is { } f ? AttachmentDownload.Of(f, Response, forStaff: false) : NotFound();
    }
}
