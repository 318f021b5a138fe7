using Gongkai.Application.Mail;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Notices;
using Gongkai.Documents.Notices;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>送达 as the officer records it: the method and, except for e-mail (the day it is sent), the day the applicant had the reply.</summary>
public sealed record DeliverReplyRequest(int AgencyId, long CaseId, int? SeenVersion, DateOnly? Date, string Actor, string? Method);

/// <summary>
/// 送达 of the reply (Art. 36; the 送达 the applicant chose, Art. 40): records it on the case. By e-mail
/// (<see cref="Email"/>), the reply itself goes out: the 答复书 as PDF and DOCX, rendered from the reply's text with the
/// reply's date, and every document sent with it, through the mail outbox in the same transaction as the 送达, whose
/// date is the day it is sent. Refused, naming the field, when the applicant left no e-mail address or the reply has no
/// stored text (a reply recorded before replies were kept as documents).
/// </summary>
/// <remarks>Files over <see cref="MailLimits"/> in all are refused at 送达方式: nothing is sent or recorded.</remarks>
public sealed class DeliverReply(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock, IMailOutbox outbox, MailLimits limits)
{
    /// <summary>送达 by e-mail.</summary>
    public const string Email = "电子邮件";

    /// <summary>The methods an office records (the page's choices).</summary>
    public static IReadOnlyList<string> Methods { get; } = ["在线（网上查询下载）", "邮寄", Email, "当面"];

    public async Task<Result<RecordedCase>> ExecuteAsync(DeliverReplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Another agency's case is not found, whatever the form says (issue #12: nothing of it is shown).
        if (!await db.Cases.AsNoTracking().AnyAsync(c => c.Id == request.CaseId && c.AgencyId == request.AgencyId, cancellationToken))
        {
            return new NotFound("未找到该申请");
        }

        var method = request.Method?.Trim();
        if (string.IsNullOrEmpty(method))
        {
            return new Refused("送达方式：必填", "Method");
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        if (method != Email)
        {
            return request.Date is { } date
                ? await store.RecordAsync(request.AgencyId, request.CaseId, new Delivered(date, request.Actor, method), request.SeenVersion, alsoWrite: null, cancellationToken)
                : new Refused("送达日期：必填", "Date");
        }

        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId && c.AgencyId == request.AgencyId, cancellationToken);
        var c = record is null ? null : await store.LoadAsync(request.AgencyId, request.CaseId, cancellationToken);
        if (record is null || c is null)
        {
            return new NotFound("未找到该申请");
        }

        if (ApplicantMail.Email(record.ApplicantContact) is not { } address)
        {
            return new Refused("送达方式：申请人没有留下电子邮箱，不能以电子邮件送达；请选择其他送达方式", "Method");
        }

        if (c.Outcome is not { } outcome || c.ClosedOn is not { } repliedOn)
        {
            return new Refused("本申请尚未答复，不能记录送达", "Method");
        }

        var text = await db.CaseReplies.AsNoTracking().Where(r => r.CaseId == request.CaseId).Select(r => r.Text).SingleOrDefaultAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Refused("送达方式：本申请的答复没有保存答复正文，不能以电子邮件发送答复书；请选择其他送达方式", "Method");
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == request.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var (title, _) = NoticeTemplates.Find(ReplyDrafts.KindOf(outcome)) is { } kind
            ? await NoticeTemplates.LoadAsync(db, request.AgencyId, kind, cancellationToken)
            : ("政府信息公开申请答复书", string.Empty);
        var documents = await db.CaseReplyDocuments.AsNoTracking().Where(d => d.CaseId == request.CaseId).OrderBy(d => d.Id)
            .Select(d => new { d.FileName, d.ContentType, d.Content }).ToListAsync(cancellationToken);
        var attachments = new List<MailAttachment>();
        if (NoticePdf.Render(title, NoticeDocx.Paragraphs(text), agency, repliedOn) is { } pdf)
        {
            attachments.Add(new($"{record.Number}-{title}.pdf", "application/pdf", pdf));
        }

        attachments.Add(new($"{record.Number}-{title}.docx", AttachmentRules.ContentType("a.docx"), NoticeDocx.Render(title, text, agency, repliedOn)));
        attachments.AddRange(documents.Select(d => new MailAttachment(d.FileName, d.ContentType, d.Content)));
        if (limits.Problem(attachments.Sum(a => (long)a.Content.Length), "答复书和随答复提供的文件") is { } tooLarge)
        {
            return new Refused($"送达方式：{tooLarge}；请选择其他送达方式（如在线查询下载、邮寄、当面）", "Method");
        }

        var files = documents.Count == 0 ? "答复书（PDF和Word两种格式）见附件" : $"答复书（PDF和Word两种格式）和随答复提供的{documents.Count}个文件见附件";
        var body = $"{record.ApplicantName}：\n\n{agency}已于{Gongkai.Documents.Rendering.ReportFormatting.ChineseDate(repliedOn)}答复您的政府信息公开申请（申请编号{record.Number}），{files}。\n"
            + "您也可以在本机关政府信息公开网站的“申请查询”中，凭申请编号和查询码查看答复。\n";

        // The message waits in the outbox, saved in the one transaction that records the 送达 (or not at all).
        await outbox.EnqueueAsync(address, $"{title}（{record.Number}）", body, attachments, save: false, cancellationToken);
        return await store.RecordAsync(request.AgencyId, request.CaseId, new Delivered(ChinaTime.Today(clock), request.Actor, Email), request.SeenVersion, alsoWrite: null, cancellationToken);
    }
}
