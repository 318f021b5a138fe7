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
/// addresses and logs): status, every deadline that applies, the notices (DOCX and PDF) and the receipt
/// (<see cref="LookUpApplication"/>, <see cref="IssueReceipt"/>); while the office awaits a 补正, the form to send it
/// (<see cref="SubmitSupplement"/>, Art. 30); while the case is open, 撤回 (<see cref="WithdrawApplication"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(StatusLookupRateLimit.Policy)]
[RequestSizeLimit((SubmitSupplement.MaxFiles * SubmitSupplement.MaxFileBytes) + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = (SubmitSupplement.MaxFiles * SubmitSupplement.MaxFileBytes) + (1024 * 1024))]
public sealed class StatusModel(CurrentAgency agency, LookUpApplication lookUp, IssueReceipt receipt, SubmitSupplement supplement, WithdrawApplication withdraw, LookUpReply lookUpReply) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool Searched { get; private set; }

    public PendingApplication? Pending { get; private set; }

    public CaseRecord? Case { get; private set; }

    public IReadOnlyList<(long Id, string Title)> Notices { get; private set; } = [];

    /// <summary>What the look-up found, with the deadlines, the PDFs and what the applicant may do now.</summary>
    public ApplicationStatus? Found { get; private set; }

    /// <summary>送达日期: when the reply was delivered to the applicant, once recorded.</summary>
    public DateOnly? DeliveredOn { get; private set; }

    public string? Error { get; private set; }

    /// <summary>What was done (补正 received, application withdrawn).</summary>
    public string? Message { get; private set; }

    /// <summary>答复 (Art. 36): the reply's text and the documents sent with it, once replied.</summary>
    public ReplyShown? Reply { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LookUpAsync(cancellationToken);
        return Page();
    }

    /// <summary>A notice: the DOCX, or the PDF with <paramref name="format"/> <c>pdf</c>.</summary>
    public async Task<IActionResult> OnPostDownloadAsync(long noticeId, string? format, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var pdf = format == "pdf";
        var result = await lookUp.NoticeAsync(new LookUpApplicationRequest(current.Id, Number, Code), noticeId, cancellationToken, pdf);
        return result.Value is not { } notice
            ? NotFound()
            : pdf
                ? File(notice.Content, "application/pdf", $"{notice.CaseNumber}-{notice.Title}.pdf")
                : File(notice.Content, Staff.Cases.NoticeModel.DocxType, $"{notice.CaseNumber}-{notice.Title}.docx");
    }

    /// <summary>回执 (PDF).</summary>
    public async Task<IActionResult> OnPostReceiptAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var result = await receipt.ExecuteAsync(new IssueReceiptRequest(current.Id, Number, Code), cancellationToken);
        if (result.Value is { } file)
        {
            return File(file.Pdf, "application/pdf", $"{file.Number}-回执.pdf");
        }

        await LookUpAsync(cancellationToken);
        Error = result.Error!.Message;
        return Page();
    }

    /// <summary>补正 (Art. 30): the text and up to five files (JPG, PNG or PDF, each at most 5 MB).</summary>
    public async Task<IActionResult> OnPostSupplementAsync(string? supplementText, List<IFormFile>? supplementFiles, CancellationToken cancellationToken)
    {
        var files = new List<SupplementFile>();
        foreach (var f in (supplementFiles ?? []).Where(f => f.Length > 0))
        {
            if (f.Length > SubmitSupplement.MaxFileBytes)
            {
                return await FailAsync("SupplementFiles", $"补正材料：文件“{f.FileName}”超过5MB", cancellationToken);
            }

            using var buffer = new MemoryStream();
            await f.CopyToAsync(buffer, cancellationToken);
            var bytes = buffer.ToArray();
            if (OnlineApplications.ProofType(bytes) is not { } type)
            {
                return await FailAsync("SupplementFiles", $"补正材料：文件“{f.FileName}”不是JPG、PNG或PDF文件", cancellationToken);
            }

            files.Add(new SupplementFile(Path.GetFileName(f.FileName), type, bytes));
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await supplement.ExecuteAsync(new SubmitSupplementRequest(current.Id, Number, Code, supplementText, files), cancellationToken);
        if (result.Error is { } error)
        {
            return await FailAsync(error is Gongkai.Domain.Results.Refused { Field: { } field } ? field : null, error.Message, cancellationToken);
        }

        await LookUpAsync(cancellationToken);
        Message = "补正材料已提交。本机关收到补正之日起重新计算答复期限（第三十条），新的答复期限见下方。";
        return Page();
    }

    /// <summary>撤回: only with the confirmation checked.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(bool confirmed, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var result = await withdraw.ExecuteAsync(new WithdrawApplicationRequest(current.Id, Number, Code, confirmed), cancellationToken);
        if (result.Error is { } error)
        {
            return await FailAsync(error is Gongkai.Domain.Results.Refused { Field: { } field } ? field : null, error.Message, cancellationToken);
        }

        await LookUpAsync(cancellationToken);
        Message = "您的申请已撤回，本机关不再处理该申请。";
        return Page();
    }

    /// <summary>The error of a form on this page, shown beside the form's field (and the case shown again).</summary>
    public string? FieldError(string field) => ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    private async Task<IActionResult> FailAsync(string? field, string message, CancellationToken cancellationToken)
    {
        await LookUpAsync(cancellationToken);
        if (field is null)
        {
            Error = message;
        }
        else
        {
            ModelState.AddModelError(field, message);
        }

        return Page();
    }

    private async Task LookUpAsync(CancellationToken cancellationToken)
    {
        Searched = true;
        var current = await agency.GetAsync(cancellationToken);
        var result = await lookUp.ExecuteAsync(new LookUpApplicationRequest(current.Id, Number, Code), cancellationToken);
        if (result.Error is { } error)
        {
            Error = error.Message;
            return;
        }

        Found = result.Value;
        (Pending, Case, DeliveredOn, Notices) = (result.Value!.Pending, result.Value.Case, result.Value.DeliveredOn, result.Value.Notices);
        Reply = Case is null ? null : (await lookUpReply.ForApplicantAsync(new LookUpApplicationRequest(current.Id, Number, Code), cancellationToken)).Value;
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
