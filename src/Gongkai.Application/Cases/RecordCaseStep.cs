using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>
/// A step of a case's clock as a person decided it: the case, the version of the case they saw (null only for callers
/// that show no form, such as the demo data) and the step — 补正 (Art. 30), 分办/转办, 承办意见, 征求意见 (Arts. 32, 34),
/// 第三十五条 date, 收费, 答复 (Art. 36), 送达, 撤回 — a typed <see cref="CaseEvent"/> with its date and actor.
/// </summary>
public sealed record RecordCaseStepRequest(int AgencyId, long CaseId, int? SeenVersion, CaseEvent Step);

/// <summary>
/// Records a step on a case through the Regulation's rules (<see cref="ApplicationCase.Apply"/>): refused with the
/// domain's reason when not allowed now, refused with a <see cref="Conflict"/> naming what was recorded since when the
/// case changed after the person saw it (checked by the database), refused when a department named is not the agency's.
/// </summary>
public sealed class RecordCaseStep(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<RecordedCase>> ExecuteAsync(RecordCaseStepRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var department = request.Step switch
        {
            Assigned a => a.DepartmentId,
            Transferred t => t.ToDepartmentId,
            _ => null,
        };
        if (department is not null)
        {
            var known = int.TryParse(department, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && await db.Departments.AnyAsync(d => d.Id == id && d.AgencyId == request.AgencyId, cancellationToken);
            if (!known)
            {
                return new Refused("承办科室：不存在", "DepartmentId");
            }
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        return await store.RecordAsync(request.AgencyId, request.CaseId, request.Step, request.SeenVersion, alsoWrite: null, cancellationToken);
    }
}
