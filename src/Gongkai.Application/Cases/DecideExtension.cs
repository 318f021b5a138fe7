using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>A leader's decision on a pending 延期申请: approve or refuse it.</summary>
public sealed record DecideExtensionRequest(int AgencyId, long CaseId, long RequestId, bool Approve, string Leader, int? SeenVersion = null);

/// <summary>
/// 延期审批 (Art. 33: extended with the consent of the head of the disclosure office): approval records the case's
/// <see cref="Extended"/> step with the approver and marks the request approved in one transaction (one save), so a
/// case is never extended with its request still pending, nor the reverse; refusal marks it refused.
/// </summary>
public sealed class DecideExtension(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<ExtensionRequestStatus>> ExecuteAsync(DecideExtensionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = await (from r in db.ExtensionRequests
                             join c in db.Cases on r.CaseId equals c.Id
                             where r.Id == request.RequestId && r.CaseId == request.CaseId && c.AgencyId == request.AgencyId
                             select r).SingleOrDefaultAsync(cancellationToken);
        if (pending is null)
        {
            return new NotFound("未找到该延期申请");
        }

        if (pending.Status != ExtensionRequestStatus.Pending)
        {
            return new Conflict($"该延期申请已由{pending.DecidedBy}{(pending.Status == ExtensionRequestStatus.Approved ? "批准" : "不同意")}，请刷新后查看");
        }

        var now = clock.GetUtcNow();
        if (!request.Approve)
        {
            var changed = await db.ExtensionRequests.Where(r => r.Id == pending.Id && r.Status == ExtensionRequestStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ExtensionRequestStatus.Refused).SetProperty(r => r.DecidedBy, request.Leader).SetProperty(r => r.DecidedAt, now), cancellationToken);
            return changed == 1 ? Result.Ok(ExtensionRequestStatus.Refused) : new Conflict("该延期申请刚被他人处理，请刷新后查看");
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        var extended = new Extended(ChinaTime.Today(clock), pending.RequestedBy, pending.WorkingDays, request.Leader);
        var recorded = await store.RecordAsync(request.AgencyId, request.CaseId, extended, request.SeenVersion, () =>
        {
            pending.Status = ExtensionRequestStatus.Approved;
            pending.DecidedBy = request.Leader;
            pending.DecidedAt = now;
        }, cancellationToken);
        return recorded.Map(_ => ExtensionRequestStatus.Approved);
    }
}
