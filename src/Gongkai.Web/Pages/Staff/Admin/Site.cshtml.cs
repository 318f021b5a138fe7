using Gongkai.Application.Portal;
using Gongkai.Data.Portal;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>网站设置: the footer of every public page (《政府网站发展指引》). Administrators only.</summary>
public sealed class SiteModel(PortalSite site, SaveSiteSettings save, IOutputCacheStore cache) : PageModel
{
    public string? Error { get; private set; }

    /// <summary>The footer as the form shows and posts it (one type with what the use case saves).</summary>
    [BindProperty]
    public SiteSettings Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        site.Forget();
        Input = await site.SettingsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync([FromServices] CurrentAgency agency, CancellationToken cancellationToken)
    {
        // The footer is the whole portal's: set by an administrator of the root government, not of one department.
        if ((await agency.GetAsync(cancellationToken)).ParentId is not null)
        {
            return Forbid();
        }

        var result = await save.ExecuteAsync(new SaveSiteSettingsRequest(Input), cancellationToken);
        if (result.Error is { } error)
        {
            Error = error.Message;
            return Page();
        }

        site.Forget();
        await PortalCache.EvictAsync(cache, cancellationToken);
        TempData["Message"] = "网站设置已保存，门户网站每个页面的页脚随即更新。";
        return RedirectToPage();
    }
}
