using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>
/// 收费 as the officer decides it: the date, the method (按件 or 按量, never both: 国办函〔2020〕109号 Art. 3) and, for
/// 按量, the pages provided; on the version of the case they saw. <paramref name="ConfirmedAmount"/>: the amount the officer
/// was shown and confirmed, if a page showed one (the fee is computed again; a different result is refused).
/// </summary>
public sealed record SendFeeNoticeRequest(int AgencyId, long CaseId, int? SeenVersion, DateOnly? Date, string Actor, FeeMethod? Method, int? Pages, decimal? ConfirmedAmount = null);

/// <summary>
/// 信息处理费 (Art. 42; 国办函〔2020〕109号 Arts. 3–5, docs/legal.md §3): computes the fee of a case and records the fee
/// notice with its basis. 按件 (Art. 4): the application's place among the same applicant's applications to the agency
/// in the calendar month it was received, from the records; the tiers from the 31st are the installation's setting (U).
/// 按量 (Art. 5, V): the pages, progressive by band. A fee that comes to nothing is refused: there is nothing to notify.
/// </summary>
public sealed class SendFeeNotice(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    /// <summary>The most pages one notice may charge (a typing error beyond it, not a real request).</summary>
    public const int MaxPages = 1_000_000;

    /// <summary>The fee as it would be charged, for the officer to check before confirming (nothing is recorded).</summary>
    public async Task<Result<FeeQuote>> QuoteAsync(SendFeeNoticeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method is not { } method || !Enum.IsDefined(method))
        {
            return new Refused("计收方式：请选择按件计收或按量计收", "Method");
        }

        if (method == FeeMethod.PerPage && request.Pages is not (> 0 and <= MaxPages))
        {
            return new Refused(request.Pages is null ? "页数：按量计收须填写提供的页数" : $"页数：应为1至{MaxPages}之间的整数", "Pages");
        }

        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId && c.AgencyId == request.AgencyId, cancellationToken);
        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        var c = record is null ? null : await store.LoadAsync(request.AgencyId, request.CaseId, cancellationToken);
        if (record is null || c is null)
        {
            return new NotFound("未找到该申请");
        }

        switch (method)
        {
            case FeeMethod.PerPage:
                return Result.Ok(FeeCalculator.QuotePages(request.Pages!.Value));
            case FeeMethod.PerApplication:
                // Art. 4: the same applicant (name and identity document) to this agency, received earlier in the same
                // calendar month (on the same day: registered earlier).
                var month = new DateOnly(record.ReceivedOn.Year, record.ReceivedOn.Month, 1);
                var earlier = await db.Cases.AsNoTracking().CountAsync(
                    x => x.AgencyId == request.AgencyId && x.ApplicantName == record.ApplicantName && x.ApplicantIdNumber == record.ApplicantIdNumber
                        && x.ReceivedOn >= month && (x.ReceivedOn < record.ReceivedOn || (x.ReceivedOn == record.ReceivedOn && x.Id < record.Id)),
                    cancellationToken);
                return Result.Ok(new FeeCalculator(c.Rules.FeeTiers).QuoteApplication(earlier));
            default:
                return new Refused("计收方式：请选择按件计收或按量计收", "Method");
        }
    }

    /// <summary>Records the fee notice (收费通知) with the amount and its basis, through the Regulation's rules.</summary>
    public async Task<Result<RecordedCase>> ExecuteAsync(SendFeeNoticeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Date is not { } date)
        {
            return new Refused("发出日期：必填", "Date");
        }

        var quoted = await QuoteAsync(request, cancellationToken);
        if (quoted.Value is not { } quote)
        {
            return quoted.Error!;
        }

        if (quote.Total <= 0m)
        {
            return new Refused(quote.Method == FeeMethod.PerPage
                ? $"按量计收：{FeeCalculator.FreePages}页以内免收，{quote.Quantity}页不收费，不必发出收费通知"
                : $"按件计收：本申请是申请人本月第{quote.Quantity}件申请，在免收范围内，不必发出收费通知", quote.Method == FeeMethod.PerPage ? "Pages" : "Method");
        }

        if (request.ConfirmedAmount is { } shown && shown != quote.Total)
        {
            return new Refused($"按现在的记录计算，信息处理费为{FeeQuote.Yuan(quote.Total)}元（{quote.Basis}），与页面上显示的{FeeQuote.Yuan(shown)}元不同；请核对后再确认", "Amount");
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        return await store.RecordAsync(request.AgencyId, request.CaseId,
            new FeeNoticeSent(date, request.Actor, quote.Total, Method: quote.Method, Quantity: quote.Quantity, Basis: quote.Basis),
            request.SeenVersion, alsoWrite: null, cancellationToken);
    }
}
