using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>An applicant's look-up: the application's number and the query code they were given.</summary>
public sealed record LookUpApplicationRequest(int AgencyId, string? Number, string? Code);

/// <summary>A pending online application as the applicant sees it: its number and the day it was submitted.</summary>
public sealed record PendingApplication(string Number, DateOnly ArrivedOn);

/// <summary>What the applicant sees: the pending application, or the case with its delivery date and notices.</summary>
public sealed record ApplicationStatus(PendingApplication? Pending, CaseRecord? Case, DateOnly? DeliveredOn, IReadOnlyList<(long Id, string Title)> Notices)
{
    /// <summary>Every deadline that applies now, each a label and what it says (补正期限, 答复期限, 延期, 征求意见…).</summary>
    public IReadOnlyList<ApplicantDeadline> Deadlines { get; init; } = [];

    /// <summary>The notices that also exist as PDF.</summary>
    public IReadOnlySet<long> NoticesWithPdf { get; init; } = new HashSet<long>();

    /// <summary>True while the case awaits the applicant's 补正 (Art. 30): /status offers the form.</summary>
    public bool AwaitsSupplement { get; init; }

    /// <summary>True while the case is open: /status offers 撤回.</summary>
    public bool CanWithdraw { get; init; }

    /// <summary>The 补正 the applicant sent online, with when.</summary>
    public IReadOnlyList<(DateOnly On, string Text, int Files)> Supplements { get; init; } = [];
}

/// <summary>A deadline as the applicant reads it: <c>补正期限</c> — <c>2026年12月9日前提交补正材料（第三十条）</c>.</summary>
public sealed record ApplicantDeadline(string Label, string Text);

/// <summary>A notice downloaded by the applicant.</summary>
public sealed record NoticeFile(string CaseNumber, string Title, byte[] Content);

/// <summary>
/// 申请查询: an applicant looks up an application by its number and query code (only the code's hash is stored,
/// <see cref="QueryCodes.Matches"/>): a pending online application (Art. 31), or the case's status, dates and, once
/// replied, the outcome, the 送达 date and the notices to download. A wrong number and a wrong code get the same answer.
/// </summary>
public sealed class LookUpApplication(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<ApplicationStatus>> ExecuteAsync(LookUpApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ApplicantCases.Missing(request.Number, request.Code) is { } missing)
        {
            return missing;
        }

        var number = request.Number!.Trim();
        if (await ApplicantCases.FindAsync(db, request.AgencyId, number, request.Code, cancellationToken) is { } found)
        {
            // 送达 (the reply reached the applicant): the last recorded delivery.
            var delivered = (await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == found.Id && e.Type == "delivered")
                .Select(e => new { e.Sequence, e.OccurredOn }).ToListAsync(cancellationToken)).OrderBy(e => e.Sequence).LastOrDefault()?.OccurredOn;
            var rows = await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == found.Id).OrderBy(n => n.Id)
                .Select(n => new { n.Id, n.Title, HasPdf = n.Pdf != null }).ToListAsync(cancellationToken);
            var notices = rows.Select(n => (n.Id, n.Title)).ToList();
            var store = await calendar.StoreAsync(db, clock, cancellationToken);
            var c = await store.LoadAsync(request.AgencyId, found.Id, cancellationToken);
            var supplements = (await db.CaseSupplements.AsNoTracking().Where(x => x.CaseId == found.Id).OrderBy(x => x.Id)
                .Select(x => new { x.SubmittedOn, x.Text, Files = x.Files.Count }).ToListAsync(cancellationToken)).Select(x => (x.SubmittedOn, x.Text, x.Files)).ToList();
            return Result.Ok(new ApplicationStatus(null, found, delivered, notices)
            {
                Deadlines = c is null ? [] : Deadlines(c),
                NoticesWithPdf = rows.Where(n => n.HasPdf).Select(n => n.Id).ToHashSet(),
                AwaitsSupplement = c?.Status == CaseStatus.AwaitingSupplement,
                CanWithdraw = c is not null && c.ClosedOn is null,
                Supplements = supplements,
            });
        }

        return await ApplicantCases.FindPendingAsync(db, request.AgencyId, number, request.Code, cancellationToken) is { } pending
            ? Result.Ok(new ApplicationStatus(new PendingApplication(pending.Number, pending.ArrivedOn), null, null, []))
            : new NotFound("申请编号或查询码不正确");
    }

    /// <summary>A notice of the applicant's case, when the number and code are right: the DOCX, or with <paramref name="pdf"/> the PDF.</summary>
    public async Task<Result<NoticeFile>> NoticeAsync(LookUpApplicationRequest request, long noticeId, CancellationToken cancellationToken = default, bool pdf = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await ApplicantCases.FindAsync(db, request.AgencyId, request.Number, request.Code, cancellationToken);
        var notice = found is null ? null : await db.CaseNotices.AsNoTracking().Where(n => n.Id == noticeId && n.CaseId == found.Id)
            .Select(n => new { n.Title, Content = pdf ? n.Pdf : n.Content }).SingleOrDefaultAsync(cancellationToken);
        return notice?.Content is null ? new NotFound("未找到该告知书") : Result.Ok(new NoticeFile(found!.Number, notice.Title, notice.Content));
    }

    /// <summary>
    /// The deadlines that apply to the case now, as the applicant should read them: 补正 (Art. 30) while awaited; the
    /// reply date (Art. 33) or, while a consultation (Arts. 32, 34) or a fee stops the clock, that it stands still; the
    /// extension (Art. 33) and the Art. 35 date once decided; the fee's payment date while unpaid.
    /// </summary>
    public static IReadOnlyList<ApplicantDeadline> Deadlines(ApplicationCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var list = new List<ApplicantDeadline>();
        if (c.ClosedOn is not null)
        {
            return list;
        }

        if (c.Status == CaseStatus.AwaitingSupplement && c.SupplementDue is { } supplementDue)
        {
            list.Add(new("补正期限", $"请于{Date(supplementDue)}前提交补正材料（第三十条）。本机关收到补正后，答复期限重新计算；无正当理由逾期不补正的，视为放弃申请。"));
            list.Add(new("答复期限", "收到补正之日起20个工作日内（第三十条、第三十三条）"));
            return list;
        }

        if (c.Pauses.LastOrDefault() is { To: null } pause)
        {
            var why = pause.Reason switch
            {
                PauseReason.ThirdPartyConsultation => "正在征求第三方意见（第三十二条）",
                PauseReason.AgencyConsultation => "正在征求其他机关意见（第三十四条）",
                PauseReason.FeePayment => "等待缴纳信息处理费",
            };
            list.Add(new("答复期限", $"计时暂停：{why}，自{Date(pause.From)}起，所需时间不计算在答复期限内"));
            if (c.ConsultationAnswerDue is { } answerDue)
            {
                list.Add(new("征求意见期限", $"被征求意见方应于{Date(answerDue)}前提出意见"));
            }
        }
        else if (c.ReplyDue is { } replyDue)
        {
            list.Add(new("答复期限", c.ReasonableReplyBy is not null
                ? $"{Date(replyDue)}（本机关依第三十五条确定的合理期限）"
                : $"{Date(replyDue)}（第三十三条）"));
        }

        if (c.Extension is { } extension)
        {
            list.Add(new("延期答复", $"经政府信息公开工作机构负责人同意，答复期限已于{Date(extension.On)}延长{extension.WorkingDays}个工作日（第三十三条第二款）"));
        }

        if (c.Fee is { PaidOn: null } fee)
        {
            var basis = c.Events.OfType<FeeNoticeSent>().LastOrDefault()?.Basis;
            list.Add(new("缴费期限", $"信息处理费{FeeQuote.Yuan(fee.AmountYuan)}元{(basis is null ? string.Empty : $"（{basis}）")}，请于{Date(fee.PayBy)}前缴纳"));
        }

        return list;
    }

    private static string Date(DateOnly date) => ReportFormatting.ChineseDate(date);
}
