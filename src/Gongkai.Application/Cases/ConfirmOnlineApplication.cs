using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>The office confirms an online application with the applicant on <paramref name="ConfirmedOn"/> (Art. 31).</summary>
public sealed record ConfirmOnlineApplicationRequest(int AgencyId, long ApplicationId, DateOnly? ConfirmedOn, string Actor);

/// <summary>
/// 确认在线申请 (Art. 31: for the internet channel the date of receipt is the day both sides confirm): the application
/// becomes a case with the same number and query code; the case and the mark on the application are written in one
/// transaction, and an application confirmed twice at once becomes one case.
/// </summary>
public sealed class ConfirmOnlineApplication(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<RecordedCase>> ExecuteAsync(ConfirmOnlineApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await db.OnlineApplications.SingleOrDefaultAsync(a => a.Id == request.ApplicationId && a.AgencyId == request.AgencyId, cancellationToken);
        if (application is null)
        {
            return new NotFound("未找到该在线申请");
        }

        if (application.CaseId is not null)
        {
            return new Conflict($"在线申请 {application.Number} 已被确认登记，请刷新后查看");
        }

        if (request.ConfirmedOn is not { } confirmedOn)
        {
            return new Refused("确认日期：必填（第三十一条）", "ConfirmedOn");
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        return await store.RegisterAsync(
            new NewApplication(
                application.AgencyId, Enum.Parse<ApplicantType>(application.ApplicantType), application.ApplicantName, Channel.Online,
                application.ArrivedOn, request.Actor, confirmedOn, $"{application.IdType}：{application.IdNumber}",
                Contact(application), application.Description, $"{application.Form}，{application.Delivery}",
                application.Number, application.QueryCodeHash),
            cancellationToken,
            caseId =>
            {
                application.CaseId = caseId;
                return Task.CompletedTask;
            });
    }

    /// <summary>The Art. 29 contact fields of an online application as the case keeps them.</summary>
    public static string Contact(Gongkai.Data.Records.OnlineApplicationRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return string.Join("；", new[] { ("法定代表人", a.LegalRepresentative), ("联系人", a.ContactPerson), ("电话", a.Phone), ("地址", a.Address), ("电子邮箱", a.Email) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}：{p.Item2}"));
    }
}
