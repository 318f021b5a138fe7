using System.Globalization;
using Gongkai.Application.Mail;
using Gongkai.Data;
using Gongkai.Data.Notices;
using Gongkai.Data.Records;
using Gongkai.Documents.Notices;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>A notice to generate for a case: its kind and the particulars the office types (reason, route, responsible agency).</summary>
public sealed record GenerateNoticeRequest(
    int AgencyId, long CaseId, string? Kind, string Actor, string? Reason = null, string? Route = null, string? ResponsibleAgency = null, string? ResponsibleContact = null);

/// <summary>A notice generated: its id and title.</summary>
public sealed record GeneratedNotice(long Id, string Title);

/// <summary>
/// 告知书: fills the agency's template of a kind that fits the case now (<see cref="NoticeTemplates.For"/>: an Art. 36
/// reply once replied, 补正 Art. 30, 延期 Art. 33, 收费, 第三十五条) with the case's particulars, renders it as DOCX
/// (<see cref="NoticeDocx"/>, which drops any character XML cannot hold) and as PDF (<see cref="NoticePdf"/>) and keeps
/// both with the case. Replies and fee notices name the agency's 复议机关 and 人民法院 (Art. 51).
/// </summary>
public sealed class GenerateNotice(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock, IMailOutbox outbox)
{
    public async Task<Result<GeneratedNotice>> ExecuteAsync(GenerateNoticeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId && c.AgencyId == request.AgencyId, cancellationToken);
        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        var c = record is null ? null : await store.LoadAsync(request.AgencyId, request.CaseId, cancellationToken);
        if (record is null || c is null)
        {
            return new NotFound("未找到该申请");
        }

        var kind = request.Kind is null ? null : NoticeTemplates.For(c).FirstOrDefault(k => k.Key == request.Kind);
        if (kind is null)
        {
            return new Refused("告知书种类：不适用于本案件当前状态", "kind");
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == request.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var (title, body) = await NoticeTemplates.LoadAsync(db, request.AgencyId, kind, cancellationToken);
        var guide = await db.AgencyGuides.AsNoTracking().Where(g => g.AgencyId == request.AgencyId)
            .Select(g => new { g.Phone, g.ReviewBody, g.Court }).FirstOrDefaultAsync(cancellationToken);
        var values = new Dictionary<string, string?>
        {
            ["申请人"] = record.ApplicantName,
            ["申请编号"] = record.Number,
            ["收到日期"] = ChineseDate(c.ReceivedOn),
            ["答复期限"] = ChineseDate(c.ReplyDue),
            ["答复日期"] = ChineseDate(c.ClosedOn),
            ["所需信息"] = NoticeTemplates.RequestProse(record.Request),
            ["机关名称"] = agency,
            ["机关联系方式"] = guide?.Phone,
            ["办理结果"] = c.Outcome?.Label(),
            ["补正期限"] = ChineseDate(c.SupplementDue),
            ["延期天数"] = c.Extension?.WorkingDays.ToString(CultureInfo.InvariantCulture),
            ["收费金额"] = c.Fee?.AmountYuan.ToString("0.##", CultureInfo.InvariantCulture),
            ["收费依据"] = c.Events.OfType<FeeNoticeSent>().LastOrDefault()?.Basis,
            ["缴费工作日"] = c.Rules.FeePaymentWorkingDays.ToString(CultureInfo.InvariantCulture),
            ["理由"] = request.Reason,
            ["获取方式和途径"] = request.Route,
            ["负责机关名称"] = request.ResponsibleAgency,
            ["负责机关联系方式"] = request.ResponsibleContact,
            ["复议机关"] = guide?.ReviewBody,
            ["人民法院"] = guide?.Court,
            ["送达方式"] = c.Events.OfType<Delivered>().LastOrDefault()?.Method,
            ["送达日期"] = ChineseDate(c.DeliveredOn),
        };
        var text = NoticeTemplates.Fill(body, values);
        var today = ChinaTime.Today(clock);
        var bytes = NoticeDocx.Render(title, text, agency, today);
        var notice = new CaseNoticeRecord
        {
            CaseId = request.CaseId,
            Kind = kind.Key,
            Title = title,
            Content = bytes,
            Pdf = NoticePdf.Render(title, NoticeDocx.Paragraphs(text), agency, today),
            CreatedBy = request.Actor,
            CreatedAt = clock.GetUtcNow(),
        };
        db.CaseNotices.Add(notice);
        if (ApplicantMail.Email(record.ApplicantContact) is { } email)
        {
            // The notice goes to the applicant by e-mail too, in the same transaction as the notice itself (the outbox).
            IReadOnlyList<MailAttachment> files = notice.Pdf is { } pdf
                ? [new MailAttachment($"{record.Number}-{title}.pdf", "application/pdf", pdf)]
                : [new MailAttachment($"{record.Number}-{title}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes)];
            await outbox.EnqueueAsync(email, $"{title}（{record.Number}）", $"{record.ApplicantName}：\n\n{agency}就您的政府信息公开申请（申请编号{record.Number}）作出{title}，见附件。\n", files, save: false, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok(new GeneratedNotice(notice.Id, title));
    }

    private static string? ChineseDate(DateOnly? date) => date is { } d ? ReportFormatting.ChineseDate(d) : null;
}
