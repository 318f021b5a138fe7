using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>延期申请: the office asks to extend a case's reply period by <paramref name="WorkingDays"/> for <paramref name="Reason"/>.</summary>
public sealed record RequestExtensionRequest(int AgencyId, long CaseId, int? SeenVersion, int? WorkingDays, string? Reason, string Actor);

/// <summary>
/// 延期申请 (Art. 33): the officer asks; nothing changes on the case until a leader approves (<see cref="DecideExtension"/>).
/// Whether the case may still be extended is the domain's rule (<see cref="ApplicationCase.Apply"/> of an
/// <see cref="Extended"/> step, tried without saving): once only, at most 20 working days, not while awaiting a supplement,
/// not after an Art. 35 date, not once closed.
/// </summary>
public sealed class RequestExtension(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(RequestExtensionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The case first: another agency's case is not found, whatever the form says.
        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        var current = await store.LoadAsync(request.AgencyId, request.CaseId, cancellationToken);
        if (current is null)
        {
            return new NotFound("未找到该申请");
        }

        if (request.WorkingDays is not (>= 1 and <= StatutoryPeriods.MaxExtension))
        {
            return new Refused($"延长天数：须为1至{StatutoryPeriods.MaxExtension}个工作日（第三十三条）", "WorkingDays");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return new Refused("延期理由：必填", "Reason");
        }

        if (request.SeenVersion is { } seen && seen != current.Events.Count)
        {
            return new Conflict("该申请已被他人办理，请刷新后重试");
        }

        var today = ChinaTime.Today(clock);
        if (current.Apply(new Extended(today, request.Actor, request.WorkingDays.Value, request.Actor)) is StepRefused refused)
        {
            return new Refused(refused.Reason);
        }

        if (await db.ExtensionRequests.AnyAsync(e => e.CaseId == request.CaseId && e.Status == ExtensionRequestStatus.Pending, cancellationToken))
        {
            return new Refused("已有待审批的延期申请");
        }

        var record = new ExtensionRequestRecord
        {
            CaseId = request.CaseId,
            WorkingDays = request.WorkingDays.Value,
            Reason = request.Reason.Trim(),
            RequestedBy = request.Actor,
            RequestedOn = today,
            Status = ExtensionRequestStatus.Pending,
        };
        db.ExtensionRequests.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok(record.Id);
    }
}
