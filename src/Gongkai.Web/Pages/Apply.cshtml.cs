using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Pages.Staff.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>
/// 在线申请 (Art. 29, 互联网渠道): the applicant fills in the Art. 29 fields and uploads an identity proof; the answer
/// is a number and a query code shown once. The office confirms receipt (Art. 31: the date of receipt is the day
/// both sides confirm) and the application becomes a case.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormRateLimit.Policy)]
[RequestSizeLimit(OnlineApplications.MaxProofBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = OnlineApplications.MaxProofBytes + (1024 * 1024))]
public sealed class ApplyModel(GongkaiDbContext db, CurrentAgency agency, CaseWorkspace workspace, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Proof { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Number { get; private set; }

    public string? Code { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Channel = Gongkai.Domain.Applications.Channel.Online;
        Input.ArrivedOn = workspace.Today();
        var errors = Input.Validate();
        byte[]? proof = null;
        string? proofType = null;
        if (Proof is null || Proof.Length == 0)
        {
            errors.Add("身份证明：请上传身份证明的照片或扫描件（JPG、PNG或PDF，不超过5MB）");
        }
        else if (Proof.Length > OnlineApplications.MaxProofBytes)
        {
            errors.Add("身份证明：文件超过5MB");
        }
        else
        {
            using var buffer = new MemoryStream();
            await Proof.CopyToAsync(buffer, cancellationToken);
            proof = buffer.ToArray();
            proofType = OnlineApplications.ProofType(proof);
            if (proofType is null)
            {
                errors.Add("身份证明：只接受JPG、PNG或PDF文件");
            }
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var current = await agency.GetAsync(cancellationToken);
        var code = OnlineApplications.NewQueryCode();
        var record = new OnlineApplicationRecord
        {
            AgencyId = current.Id,
            Number = await OnlineApplications.NextNumberAsync(db, current.Id, Input.ArrivedOn!.Value.Year, cancellationToken),
            QueryCodeHash = OnlineApplications.Hash(code),
            ArrivedOn = Input.ArrivedOn!.Value,
            SubmittedAt = clock.GetUtcNow(),
            ApplicantType = Input.ApplicantType.ToString(),
            ApplicantName = Input.ApplicantName!.Trim(),
            IdType = Input.IdType,
            IdNumber = Input.IdNumber?.Trim(),
            Phone = Input.Phone?.Trim(),
            Address = Input.Address?.Trim(),
            Email = Input.Email?.Trim(),
            InfoName = Input.InfoName?.Trim(),
            DocumentNumber = Input.DocumentNumber?.Trim(),
            Description = Input.Request(),
            Form = Input.Form!,
            Delivery = Input.Delivery!,
            ProofContentType = proofType,
            Proof = proof,
        };
        db.OnlineApplications.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two submissions took the same number at once: take the next one.
            record.Number = await OnlineApplications.NextNumberAsync(db, current.Id, record.ArrivedOn.Year, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        Number = record.Number;
        Code = code;
        return Page();
    }
}
