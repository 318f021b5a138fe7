using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>
/// 申请查询: an applicant looks up an application by its number and query code (posted, so the code stays out of
/// addresses and logs): status, dates and, once replied, the outcome and the notices to download.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(StatusLookupRateLimit.Policy)]
public sealed class StatusModel(GongkaiDbContext db, CurrentAgency agency) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool Searched { get; private set; }

    public OnlineApplicationRecord? Pending { get; private set; }

    public CaseRecord? Case { get; private set; }

    public IReadOnlyList<(long Id, string Title)> Notices { get; private set; } = [];

    /// <summary>送达日期: when the reply was delivered to the applicant, once recorded.</summary>
    public DateOnly? DeliveredOn { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Searched = true;
        if (string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(Code))
        {
            Error = "请填写申请编号和查询码";
            return Page();
        }

        await FindAsync(cancellationToken);
        if (Case is null && Pending is null)
        {
            Error = "申请编号或查询码不正确";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(long noticeId, CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        if (Case is null)
        {
            return NotFound();
        }

        var notice = await db.CaseNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId && n.CaseId == Case.Id, cancellationToken);
        return notice is null ? NotFound() : File(notice.Content, Staff.Cases.NoticeModel.DocxType, $"{Case.Number}-{notice.Title}.docx");
    }

    private async Task FindAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var number = Number?.Trim() ?? string.Empty;
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == current.Id && c.Number == number, cancellationToken);
        if (found is not null && OnlineApplications.Matches(Code, found.QueryCodeHash))
        {
            Case = found;
            // 送达 (the reply reached the applicant): the last recorded delivery.
            DeliveredOn = (await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == found.Id && e.Type == "delivered")
                .Select(e => new { e.Sequence, e.OccurredOn }).ToListAsync(cancellationToken)).OrderBy(e => e.Sequence).LastOrDefault()?.OccurredOn;
            Notices = (await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == found.Id).OrderBy(n => n.Id).Select(n => new { n.Id, n.Title }).ToListAsync(cancellationToken))
                .Select(n => (n.Id, n.Title)).ToList();
            return;
        }

        var pending = await db.OnlineApplications.AsNoTracking().SingleOrDefaultAsync(a => a.AgencyId == current.Id && a.Number == number && a.CaseId == null, cancellationToken);
        if (pending is not null && OnlineApplications.Matches(Code, pending.QueryCodeHash))
        {
            Pending = pending;
        }
    }

    public static string StatusText(CaseRecord c) => Enum.TryParse<CaseStatus>(c.Status, out var s) ? CaseText.Status(s) : c.Status;
}
