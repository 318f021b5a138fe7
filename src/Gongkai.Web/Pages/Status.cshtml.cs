using Gongkai.Application.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>
/// 申请查询: an applicant looks up an application by its number and query code (posted, so the code stays out of
/// addresses and logs): status, dates and, once replied, the outcome and the notices to download (<see cref="LookUpApplication"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(StatusLookupRateLimit.Policy)]
public sealed class StatusModel(CurrentAgency agency, LookUpApplication lookUp, LookUpReply lookUpReply) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool Searched { get; private set; }

    public PendingApplication? Pending { get; private set; }

    public CaseRecord? Case { get; private set; }

    public IReadOnlyList<(long Id, string Title)> Notices { get; private set; } = [];

    /// <summary>送达日期: when the reply was delivered to the applicant, once recorded.</summary>
    public DateOnly? DeliveredOn { get; private set; }

    public string? Error { get; private set; }

    /// <summary>答复 (Art. 36): the reply's text and the documents sent with it, once replied.</summary>
    public ReplyShown? Reply { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Searched = true;
        var current = await agency.GetAsync(cancellationToken);
        var result = await lookUp.ExecuteAsync(new LookUpApplicationRequest(current.Id, Number, Code), cancellationToken);
        if (result.Error is { } error)
        {
            Error = error.Message;
            return Page();
        }

        (Pending, Case, DeliveredOn, Notices) = (result.Value!.Pending, result.Value.Case, result.Value.DeliveredOn, result.Value.Notices);
        Reply = Case is null ? null : (await lookUpReply.ForApplicantAsync(new LookUpApplicationRequest(current.Id, Number, Code), cancellationToken)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(long noticeId, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var result = await lookUp.NoticeAsync(new LookUpApplicationRequest(current.Id, Number, Code), noticeId, cancellationToken);
        return result.Value is { } notice ? File(notice.Content, Staff.Cases.NoticeModel.DocxType, $"{notice.CaseNumber}-{notice.Title}.docx") : NotFound();
    }

    /// <summary>A document sent with the reply, with the number and query code.</summary>
    public async Task<IActionResult> OnPostReplyDocumentAsync(long documentId, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var result = await lookUpReply.ApplicantDocumentAsync(new LookUpApplicationRequest(current.Id, Number, Code), documentId, cancellationToken);
        return result.Value is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();
    }

    public static string StatusText(CaseRecord c) => Enum.TryParse<CaseStatus>(c.Status, out var s) ? CaseText.Status(s) : c.Status;
}
