using Gongkai.Application.Mail;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Notices;
using Gongkai.Data.Records;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>A file sent with the reply; <paramref name="Redacted"/> for a copy with the withheld parts removed (部分公开, Art. 37).</summary>
public sealed record ReplyDocument(string FileName, byte[] Content, bool Redacted);

/// <summary>
/// 答复 as a person decides it: the date, the outcome, the reply's text (blank: the draft from the outcome's template)
/// and the documents sent with it, on the version of the case they saw. <paramref name="Delivery"/>: 送达 now by
/// <see cref="DeliverReply.Email"/>, or any other text for later (recorded at 送达); null: by e-mail when the applicant
/// applied online or by e-mail and left an address, else later.
/// </summary>
public sealed record ReplyToCaseRequest(
    int AgencyId, long CaseId, int? SeenVersion, DateOnly? Date, string Actor, CaseOutcome? Outcome, string? Text,
    IReadOnlyList<ReplyDocument> Documents, long MaxBytes = AttachmentRules.DefaultMaxBytes, string? Delivery = null);

/// <summary>
/// 答复 (Arts. 33, 36, 37): records the reply step through the Regulation's rules and, in the same transaction, its text
/// and the documents sent with it — all of them or none: a file of a type that cannot be sent, empty, too large or
/// badly named refuses the whole reply, naming each such file. Redacted copies go with a 部分公开 reply only (Art. 37).
/// Delivered by e-mail (<see cref="DeliverReply"/>) when asked, or by default to an applicant who applied online or by
/// e-mail and left an address: the 答复书 (PDF, DOCX) and the documents go out and the 送达 is recorded.
/// </summary>
public sealed class ReplyToCase(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock, DeliverReply deliver, MailLimits limits)
{
    /// <summary>The longest reply text kept.</summary>
    public const int MaxTextLength = 20000;

    /// <summary>The most documents sent with one reply.</summary>
    public const int MaxDocuments = 20;

    public async Task<Result<RecordedCase>> ExecuteAsync(ReplyToCaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Date is not { } date)
        {
            return new Refused("答复日期：必填", "Date");
        }

        if (request.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            return new Refused("办理结果：必填", "Outcome");
        }

        if (request.Text is { Length: > MaxTextLength })
        {
            return new Refused($"答复正文：不应超过{MaxTextLength}字", "ReplyText");
        }

        if (request.Documents.Count > MaxDocuments)
        {
            return new Refused($"随答复提供的文件：一次最多{MaxDocuments}个，而选择了{request.Documents.Count}个", "Documents");
        }

        var problems = request.Documents.Select(d => AttachmentRules.Problem(d.FileName, d.Content, request.MaxBytes)).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            return new Refused("未记录答复，所选文件均未保存：" + string.Join("；", problems), "Documents");
        }

        if (outcome != CaseOutcome.PartiallyGranted && request.Documents.FirstOrDefault(d => d.Redacted) is { } redacted)
        {
            return new Refused($"“{AttachmentRules.CleanName(redacted.FileName)}”是删减后的文本，只随部分公开的答复提供（第三十七条）", "RedactedDocuments");
        }

        var record = await db.Cases.AsNoTracking().Where(c => c.Id == request.CaseId && c.AgencyId == request.AgencyId)
            .Select(c => new { c.ApplicantContact, c.Channel }).SingleOrDefaultAsync(cancellationToken);
        var address = ApplicantMail.Email(record?.ApplicantContact);
        var byEmail = request.Delivery?.Trim() is { Length: > 0 } chosen
            ? chosen == DeliverReply.Email
            : address is not null && record!.Channel is nameof(Channel.Online) or nameof(Channel.Email);
        if (byEmail && record is not null && address is null)
        {
            return new Refused("送达方式：申请人没有留下电子邮箱，不能以电子邮件送达；请选择其他方式，答复后另行记录送达", "Delivery");
        }

        // Known before anything is recorded: documents that cannot go by e-mail (the 答复书 itself adds some KB more,
        // checked again at the 送达).
        if (byEmail && limits.Problem(request.Documents.Sum(d => (long)d.Content.Length), "随答复提供的文件") is { } tooLarge)
        {
            return new Refused($"送达方式：{tooLarge}；请选择其他方式，答复后另行记录送达", "Delivery");
        }

        var text = string.IsNullOrWhiteSpace(request.Text)
            ? (await ReplyDrafts.ForAsync(db, calendar, clock, request.AgencyId, request.CaseId, cancellationToken)).GetValueOrDefault(outcome, string.Empty)
            : request.Text.Trim();
        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        var now = clock.GetUtcNow();
        var replied = await store.RecordAsync(request.AgencyId, request.CaseId, new Replied(date, request.Actor, outcome), request.SeenVersion, () =>
        {
            db.CaseReplies.Add(new CaseReplyRecord { CaseId = request.CaseId, Text = text, CreatedBy = request.Actor, CreatedAt = now });
            db.CaseReplyDocuments.AddRange(request.Documents.Select(d => new CaseReplyDocumentRecord
            {
                CaseId = request.CaseId,
                FileName = AttachmentRules.CleanName(d.FileName),
                ContentType = AttachmentRules.ContentType(AttachmentRules.CleanName(d.FileName)),
                Redacted = d.Redacted,
                Size = d.Content.LongLength,
                Content = d.Content,
            }));
        }, cancellationToken);
        if (replied.Value is not { } done || !byEmail)
        {
            return replied;
        }

        // The reply stands on its own; the 送达 by e-mail follows on the version just written.
        db.ChangeTracker.Clear();
        var delivered = await deliver.ExecuteAsync(new DeliverReplyRequest(request.AgencyId, request.CaseId, done.Version, null, request.Actor, DeliverReply.Email), cancellationToken);
        return delivered.Value is { } sent ? Result.Ok(sent) : replied;
    }
}

/// <summary>
/// The reply's text drafted from the agency's template of each outcome's Art. 36 reply type (the same templates as the
/// 告知书, <see cref="NoticeTemplates"/>), filled with the case's particulars; what the office must add is left as a blank.
/// </summary>
public static class ReplyDrafts
{
    /// <summary>A draft per outcome an office can reply with; empty when the case is not found.</summary>
    public static async Task<IReadOnlyDictionary<CaseOutcome, string>> ForAsync(
        GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock, int agencyId, long caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendar);
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId && c.AgencyId == agencyId, cancellationToken);
        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        var c = record is null ? null : await store.LoadAsync(agencyId, caseId, cancellationToken);
        if (record is null || c is null)
        {
            return new Dictionary<CaseOutcome, string>();
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var values = new Dictionary<string, string?>
        {
            ["申请人"] = record.ApplicantName,
            ["申请编号"] = record.Number,
            ["收到日期"] = c.ReceivedOn is { } received ? ReportFormatting.ChineseDate(received) : null,
            ["所需信息"] = record.Request,
            ["机关名称"] = agency,
        };
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        var drafts = new Dictionary<CaseOutcome, string>();
        foreach (var outcome in Enum.GetValues<CaseOutcome>().Where(o => o is not (CaseOutcome.NoSupplement or CaseOutcome.FeeUnpaid)))
        {
            var key = KindOf(outcome);
            if (!templates.TryGetValue(key, out var body))
            {
                body = NoticeTemplates.Find(key) is { } kind ? (await NoticeTemplates.LoadAsync(db, agencyId, kind, cancellationToken)).Body : string.Empty;
                templates[key] = body;
            }

            drafts[outcome] = NoticeTemplates.Fill(body, new Dictionary<string, string?>(values) { ["办理结果"] = outcome.Label() });
        }

        return drafts;
    }

    /// <summary>The notice template of an outcome's reply: its first Art. 36 reply type (<c>art36-2</c>), or the general <c>reply</c>.</summary>
    public static string KindOf(CaseOutcome outcome)
    {
        var types = outcome.Info().ReplyTypes;
        return types.Count == 0 ? "reply" : "art36-" + ((int)types[0] + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
