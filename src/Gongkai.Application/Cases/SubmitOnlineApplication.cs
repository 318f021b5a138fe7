using Gongkai.Application.Mail;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>An application made on the portal (Art. 29, 互联网渠道), with the identity proof and the form's key.</summary>
/// <param name="AgencyId">The agency applied to.</param>
/// <param name="Form">The Art. 29 fields.</param>
/// <param name="Proof">The identity proof's bytes (JPEG, PNG or PDF, checked by the page).</param>
/// <param name="ProofContentType">Its content type, from its content.</param>
/// <param name="IdempotencyKey">The random key the form carried; null makes one (no retry can then find it).</param>
public sealed record SubmitOnlineApplicationRequest(int AgencyId, ApplicationForm Form, byte[] Proof, string ProofContentType, string? IdempotencyKey);

/// <summary>What the applicant is shown: the number and the query code; <paramref name="Repeated"/> when the form had already been submitted.</summary>
public sealed record SubmittedApplication(string Number, string Code, bool Repeated);

/// <summary>
/// 在线申请 (Art. 29): stores an online application awaiting the office's confirmation (Art. 31) and gives its number
/// (<c>2026-W00001</c>, taken in the same transaction, <see cref="CaseNumbers"/>) and query code. A resubmission with the
/// same key — a double click, a retry after a timeout or a crash — stores nothing new and answers the same number and
/// code, so an applicant who never saw the answer can get it by submitting again.
/// </summary>
public sealed class SubmitOnlineApplication(GongkaiDbContext db, QueryCodes codes, TimeProvider clock, IssueReceipt receipt, IMailOutbox outbox, ISmsGateway sms)
{
    public async Task<Result<SubmittedApplication>> ExecuteAsync(SubmitOnlineApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IdempotencyKey is not null && !QueryCodes.IsWellFormedKey(request.IdempotencyKey))
        {
            return new Refused("表单已失效，请刷新页面后重新填写提交");
        }

        var form = request.Form;
        form.Channel = Channel.Online;
        form.ArrivedOn = ChinaTime.Today(clock);
        if (form.Validate() is [var first, ..])
        {
            return first;
        }

        var key = request.IdempotencyKey ?? QueryCodes.NewKey();
        if (await FindAsync(request.AgencyId, key, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        // An archived agency (merged, abolished) keeps its records but takes no new applications.
        if (await db.Agencies.AsNoTracking().Where(a => a.Id == request.AgencyId).Select(a => new { a.Name, a.ArchivedAt }).FirstOrDefaultAsync(cancellationToken) is { ArchivedAt: not null } archived)
        {
            return new Refused($"{archived.Name}已归档，不再受理新的政府信息公开申请，请向承接其职能的机关提出");
        }

        var code = await codes.ForKeyAsync(db, request.AgencyId, key, cancellationToken);
        var record = new OnlineApplicationRecord
        {
            AgencyId = request.AgencyId,
            Number = string.Empty,
            QueryCodeHash = QueryCodes.Hash(code),
            IdempotencyKey = key,
            ArrivedOn = form.ArrivedOn.Value,
            SubmittedAt = clock.GetUtcNow(),
            ApplicantType = form.ApplicantType.ToString(),
            ApplicantName = form.ApplicantName!.Trim(),
            IdType = form.IdType,
            IdNumber = form.IdNumber?.Trim(),
            Phone = form.Phone?.Trim(),
            Address = form.Address?.Trim(),
            Email = form.Email?.Trim(),
            LegalRepresentative = Clean(form.LegalRepresentative),
            ContactPerson = Clean(form.ContactPerson),
            InfoName = form.InfoName?.Trim(),
            DocumentNumber = form.DocumentNumber?.Trim(),
            Description = form.Request(),
            Form = form.Form!,
            Delivery = form.Delivery!,
            ProofContentType = request.ProofContentType,
            Proof = request.Proof,
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            record.Number = await CaseNumbers.NextAsync(db, request.AgencyId, record.ArrivedOn.Year, CaseNumbers.OnlineSeries, cancellationToken);
            db.OnlineApplications.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key stored meanwhile by a concurrent submission of the same form: answer with that one.
            db.ChangeTracker.Clear();
            if (await FindAsync(request.AgencyId, key, cancellationToken) is { } concurrent)
            {
                return concurrent;
            }

            throw;
        }

        await TellApplicantAsync(request.AgencyId, record, code, cancellationToken);
        return Result.Ok(new SubmittedApplication(record.Number, code, Repeated: false));
    }

    /// <summary>The number and query code by e-mail (with the receipt PDF) and by SMS, where the applicant gave them.</summary>
    private async Task TellApplicantAsync(int agencyId, OnlineApplicationRecord record, string code, CancellationToken cancellationToken)
    {
        var text = $"您的政府信息公开申请已提交，申请编号{record.Number}，查询码{code}。凭编号和查询码可在“申请查询”页面查看办理进度。";
        if (!string.IsNullOrWhiteSpace(record.Email))
        {
            var pdf = await receipt.ExecuteAsync(new IssueReceiptRequest(agencyId, record.Number, code), cancellationToken);
            IReadOnlyList<MailAttachment> files = pdf.Value is { } r ? [new MailAttachment($"{record.Number}-回执.pdf", "application/pdf", r.Pdf)] : [];
            await outbox.EnqueueAsync(record.Email, $"政府信息公开申请回执（{record.Number}）", $"{record.ApplicantName}：\n\n{text}\n请妥善保管查询码。回执见附件。\n", files, cancellationToken: cancellationToken);
        }

        if (record.Phone is { } phone && ApplicantMail.Mobile("电话：" + phone) is { } mobile)
        {
            await sms.SendAsync(mobile, text, cancellationToken);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<Result<SubmittedApplication>?> FindAsync(int agencyId, string key, CancellationToken cancellationToken)
    {
        var number = await db.OnlineApplications.AsNoTracking().Where(a => a.AgencyId == agencyId && a.IdempotencyKey == key)
            .Select(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        if (number is null)
        {
            return null;
        }

        return Result.Ok(new SubmittedApplication(number, await codes.ForKeyAsync(db, agencyId, key, cancellationToken), Repeated: true));
    }
}
