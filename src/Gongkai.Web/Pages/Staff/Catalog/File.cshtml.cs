using Gongkai.Web.Catalog;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>An attachment for the staff, whatever the item's status (reviewers read the files they approve).</summary>
public sealed class FileModel(CatalogWorkspace workspace, CurrentAgency agency) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, long fileId, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var found = await (await workspace.StoreAsync(cancellationToken)).AttachmentAsync(current.Id, id, fileId, publishedOnly: false, cancellationToken);
        return found is { } f ? AttachmentDownload.Of(f, Response, forStaff: true) : NotFound();
    }
}
