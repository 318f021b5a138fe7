using Gongkai.Application.Cases;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>
/// 在线申请 (Art. 29, 互联网渠道): the applicant fills in the Art. 29 fields and uploads an identity proof; the answer
/// is a number and a query code (<see cref="SubmitOnlineApplication"/>). The form carries a random key: submitting it
/// again (a double click, a retry after a timeout) shows the same number and code. The office confirms receipt
/// (Art. 31: the date of receipt is the day both sides confirm) and the application becomes a case.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormRateLimit.Policy)]
[RequestSizeLimit(OnlineApplications.MaxProofBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = OnlineApplications.MaxProofBytes + (1024 * 1024))]
public sealed class ApplyModel(CurrentAgency agency, AgencyList agencies, SubmitOnlineApplication submit, IssueReceipt receipt, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Proof { get; set; }

    /// <summary>The form's idempotency key (hidden field), made when the form is shown.</summary>
    [BindProperty]
    public string? Key { get; set; }

    public IReadOnlyList<string> Errors => [.. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)];

    public string? Number { get; private set; }

    public string? Code { get; private set; }

    /// <summary>True when the form had been submitted before: the number and code are those given then.</summary>
    public bool Repeated { get; private set; }

    /// <summary>The agency applied to (Art. 27: the applicant chooses the agency that holds the information).</summary>
    [BindProperty]
    public int? AgencyId { get; set; }

    /// <summary>The agencies an applicant may apply to, the government first.</summary>
    public IReadOnlyList<Gongkai.Data.Records.AgencyRecord> Agencies { get; private set; } = [];

    /// <summary>The agency the application went to (shown with the number).</summary>
    public Gongkai.Data.Records.AgencyRecord? AppliedTo { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Key = QueryCodes.NewKey();
        AgencyId = (await agency.GetAsync(cancellationToken)).Id;
        Agencies = await PortalAgencies.OfferedAsync(agencies, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Binding problems (a type that is not one of the choices…) are replaced by the form's own messages.
        ModelState.Clear();
        Input.Channel = Gongkai.Domain.Applications.Channel.Online;
        Input.ArrivedOn = CaseWorkspace.Today(clock);
        foreach (var error in Input.Validate())
        {
            error.AddTo(ModelState, nameof(Input));
        }

        byte[]? proof = null;
        string? proofType = null;
        if (Proof is null || Proof.Length == 0)
        {
            ModelState.AddModelError(nameof(Proof), "身份证明：请上传身份证明的照片或扫描件（JPG、PNG或PDF，不超过5MB）");
        }
        else if (Proof.Length > OnlineApplications.MaxProofBytes)
        {
            ModelState.AddModelError(nameof(Proof), "身份证明：文件超过5MB");
        }
        else
        {
            using var buffer = new MemoryStream();
            await Proof.CopyToAsync(buffer, cancellationToken);
            proof = buffer.ToArray();
            proofType = OnlineApplications.ProofType(proof);
            if (proofType is null)
            {
                ModelState.AddModelError(nameof(Proof), "身份证明：只接受JPG、PNG或PDF文件");
            }
        }

        Key = string.IsNullOrEmpty(Key) ? null : Key;
        Agencies = await PortalAgencies.OfferedAsync(agencies, cancellationToken);
        var current = AgencyId is { } chosen ? Agencies.FirstOrDefault(a => a.Id == chosen) : await agency.GetAsync(cancellationToken);
        if (current is null)
        {
            ModelState.AddModelError(nameof(AgencyId), "受理机关：请从列表中选择要申请的机关");
        }

        if (ModelState.ErrorCount > 0 || current is null)
        {
            Key ??= QueryCodes.NewKey();
            return Page();
        }

        AppliedTo = current;
        var result = await submit.ExecuteAsync(new SubmitOnlineApplicationRequest(current.Id, Input, proof!, proofType!, Key), cancellationToken);
        if (result.Error is { } failure)
        {
            failure.AddTo(ModelState, nameof(Input));
            Key = QueryCodes.NewKey();
            return Page();
        }

        (Number, Code, Repeated) = (result.Value!.Number, result.Value.Code, result.Value.Repeated);
        return Page();
    }

    /// <summary>回执 (PDF): posted with the number and query code just shown, so the code stays out of addresses.</summary>
    public async Task<IActionResult> OnPostReceiptAsync(string? number, string? code, int? agencyId, CancellationToken cancellationToken)
    {
        // The agency the application went to (chosen on /apply), else the column's own.
        Agencies = await PortalAgencies.OfferedAsync(agencies, cancellationToken);
        var current = (agencyId is { } chosen ? Agencies.FirstOrDefault(a => a.Id == chosen) : null) ?? await agency.GetAsync(cancellationToken);
        var result = await receipt.ExecuteAsync(new IssueReceiptRequest(current.Id, number, code), cancellationToken);
        if (result.Value is { } file)
        {
            return File(file.Pdf, "application/pdf", $"{file.Number}-回执.pdf");
        }

        ModelState.AddModelError(string.Empty, result.Error!.Message);
        Key = QueryCodes.NewKey();
        return Page();
    }
}
