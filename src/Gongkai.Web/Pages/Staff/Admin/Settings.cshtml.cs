using Gongkai.Application.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>The agency's 政府信息公开指南 (Art. 12), as the portal publishes it. Administrators only.</summary>
public sealed class SettingsModel(
    CurrentAgency agency, ReadAgencyGuide read, SaveAgencyGuide save, IOutputCacheStore cache,
    Microsoft.Extensions.Options.IOptionsMonitor<Gongkai.Web.Mail.MailOptions> mail, Gongkai.Application.Mail.MailOutbox outbox) : PageModel
{
    public bool MailConfigured => mail.CurrentValue.Configured;

    public string MailServer => $"{mail.CurrentValue.Host}:{mail.CurrentValue.Port}";

    public int MailWaiting { get; private set; }

    public int MailFailing { get; private set; }

    public string AgencyName { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    [BindProperty]
    public AgencyGuideText Guide { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        (MailWaiting, MailFailing) = await outbox.CountsAsync(cancellationToken);
        Guide = (await read.ExecuteAsync(current.Id, cancellationToken)).Value!;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        if ((await save.ExecuteAsync(new SaveAgencyGuideRequest(current.Id, Guide), cancellationToken)).Error is { } error)
        {
            Error = error.Message;
            return Page();
        }

        await PortalCache.EvictAsync(cache, cancellationToken);
        TempData["Message"] = "公开指南已保存，门户网站已更新。";
        return RedirectToPage();
    }
}
