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

    [BindProperty]
    public SiteInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        site.Forget();
        var s = await site.SettingsAsync(cancellationToken);
        Input = new SiteInput
        {
            HostName = s.HostName,
            Contact = s.Contact,
            SiteCode = s.SiteCode,
            IcpNumber = s.IcpNumber,
            IcpUrl = s.IcpUrl,
            PoliceNumber = s.PoliceNumber,
            PoliceUrl = s.PoliceUrl,
            PartyMarkUrl = s.PartyMarkUrl,
        };
    }

    public async Task<IActionResult> OnPostAsync([FromServices] CurrentAgency agency, CancellationToken cancellationToken)
    {
        // The footer is the whole portal's: set by an administrator of the root government, not of one department.
        if ((await agency.GetAsync(cancellationToken)).ParentId is not null)
        {
            return Forbid();
        }

        var settings = new SiteSettings(Input.HostName, Input.Contact, Input.SiteCode, Input.IcpNumber, Input.IcpUrl, Input.PoliceNumber, Input.PoliceUrl, Input.PartyMarkUrl);
        var result = await save.ExecuteAsync(new SaveSiteSettingsRequest(settings), cancellationToken);
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

/// <summary>The footer's fields as the form posts them.</summary>
public sealed class SiteInput
{
    public string? HostName { get; set; }

    public string? Contact { get; set; }

    public string? SiteCode { get; set; }

    public string? IcpNumber { get; set; }

    public string? IcpUrl { get; set; }

    public string? PoliceNumber { get; set; }

    public string? PoliceUrl { get; set; }

    public string? PartyMarkUrl { get; set; }
}
