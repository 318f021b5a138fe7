using Gongkai.Application.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>The agency's 政府信息公开指南 (Art. 12), as the portal publishes it. Administrators only.</summary>
public sealed class SettingsModel(
    CurrentAgency agency, ReadAgencyGuide read, SaveAgencyGuide save, IOutputCacheStore cache,
    Microsoft.Extensions.Options.IOptionsMonitor<Gongkai.Web.Mail.MailOptions> mail, Gongkai.Application.Mail.MailOutbox outbox,
    Gongkai.Application.Reminders.ReadReminderSettings readReminders, Gongkai.Application.Reminders.SaveReminderSettings saveReminders,
    Microsoft.Extensions.Options.IOptionsMonitor<Gongkai.Web.Reminders.ReminderOptions> reminderOptions) : PageModel
{
    /// <summary>提前提醒的工作日数 shown (the agency's, or what was typed when refused).</summary>
    public string? ReminderDays { get; private set; }

    public string? ReminderError { get; private set; }

    /// <summary>Staff who handle the agency's cases but have no e-mail address: they get no digest.</summary>
    public IReadOnlyList<string> WithoutEmail { get; private set; } = [];

    /// <summary>When the daily digest goes out (China time).</summary>
    public string DigestTime => reminderOptions.CurrentValue.DigestTime;

    /// <summary>Saves 提前提醒的工作日数 (1–20); a bad value is refused beside the field.</summary>
    public async Task<IActionResult> OnPostRemindersAsync([FromForm(Name = "ReminderDays")] string? days, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        int? value = int.TryParse(days, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var result = await saveReminders.ExecuteAsync(current.Id, value, User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = $"已保存：答复期限前{result.Value}个工作日开始提醒。";
            return Redirect("/staff/admin/settings#reminders");
        }

        await OnGetAsync(cancellationToken);
        ReminderDays = days;
        ReminderError = result.Error!.Message;
        return Page();
    }

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
        var reminders = await readReminders.ExecuteAsync(current.Id, cancellationToken);
        ReminderDays = reminders.DaysAhead.ToString(System.Globalization.CultureInfo.InvariantCulture);
        WithoutEmail = reminders.WithoutEmail;
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
