using Gongkai.Data;
using Gongkai.Data.Notices;
using Gongkai.Documents.Notices;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>A receipt asked for with the application's number and query code.</summary>
public sealed record IssueReceiptRequest(int AgencyId, string? Number, string? Code);

/// <summary>The receipt as a PDF file.</summary>
public sealed record ReceiptFile(string Number, byte[] Pdf);

/// <summary>
/// 回执: the applicant's receipt as PDF (GB/T 9704 layout, <see cref="NoticePdf"/>): the number, the query code, the day
/// it was submitted or received (Art. 31), the reply due date (Art. 33: 20 working days from receipt — for an online
/// application not yet confirmed, the date it would be if confirmed today), the agency, and what was asked for.
/// </summary>
public sealed class IssueReceipt(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<ReceiptFile>> ExecuteAsync(IssueReceiptRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ApplicantCases.Missing(request.Number, request.Code) is { } missing)
        {
            return missing;
        }

        var number = request.Number!.Trim();
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == request.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        string name, asked, received, due;
        var found = await ApplicantCases.FindAsync(db, request.AgencyId, number, request.Code, cancellationToken);
        if (found is not null)
        {
            var store = await calendar.StoreAsync(db, clock, cancellationToken);
            var c = await store.LoadAsync(request.AgencyId, found.Id, cancellationToken);
            name = found.ApplicantName;
            asked = NoticeTemplates.RequestProse(found.Request) ?? string.Empty;
            received = $"本机关收到您的申请之日为{Date(found.ReceivedOn)}（《中华人民共和国政府信息公开条例》第三十一条）。";
            due = c?.ReplyDue is { } replyDue
                ? $"答复期限：{Date(replyDue)}（第三十三条；如依法延期、征求意见或补正，以本机关书面告知的期限为准）。"
                : "答复期限：本申请目前计时暂停或已办结，请以本机关书面告知和“申请查询”页面所示为准。";
        }
        else
        {
            var pending = await ApplicantCases.FindPendingAsync(db, request.AgencyId, number, request.Code, cancellationToken);
            if (pending is null)
            {
                return new NotFound("申请编号或查询码不正确");
            }

            var cal = await calendar.GetAsync(db, cancellationToken);
            name = pending.ApplicantName;
            asked = NoticeTemplates.RequestProse(pending.Description) ?? string.Empty;
            received = $"您于{Date(pending.ArrivedOn)}通过互联网提交了申请。本机关与您确认后，以确认之日为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条）。";
            due = $"答复期限：自收到申请之日起20个工作日内（第三十三条）；如于{Date(today)}确认，答复期限为{Date(cal.AddWorkingDays(today, StatutoryPeriods.Reply))}。";
        }

        var paragraphs = new List<PdfParagraph>
        {
            new($"{name}：", FlushLeft: true),
            new($"本机关已收到您提出的政府信息公开申请，申请获取“{asked}”。现将有关事项告知如下。"),
            new($"一、申请编号：{number}；查询码：{request.Code!.Trim()}。凭申请编号和查询码，可以在本机关网站“申请查询”页面查看办理进度和答复、提交补正材料或者撤回申请。请妥善保管查询码，不要告诉他人。"),
            new("二、" + received),
            new("三、" + due),
        };
        var pdf = NoticePdf.Render("政府信息公开申请回执", paragraphs, agency, today);
        return pdf is null ? new Refused("回执暂时无法生成（服务器未安装所需字体），请截图保存申请编号和查询码") : Result.Ok(new ReceiptFile(number, pdf));
    }

    private static string Date(DateOnly date) => ReportFormatting.ChineseDate(date);
}
