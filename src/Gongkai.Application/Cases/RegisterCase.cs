using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Cases;

/// <summary>登记申请 by the office: the form of an application that arrived by any channel, and who registers it.</summary>
public sealed record RegisterCaseRequest(int AgencyId, ApplicationForm Form, string Actor);

/// <summary>
/// 登记申请 (Arts. 29, 31): 公开办 registers an application that arrived by any channel; it gets the next number of the
/// year (<see cref="CaseNumbers"/>) and its reply date on the calendar in force.
/// </summary>
public sealed class RegisterCase(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<RecordedCase>> ExecuteAsync(RegisterCaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Form.Validate() is [var first, ..])
        {
            return first;
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        return await store.RegisterAsync(request.Form.ToApplication(request.AgencyId, request.Actor), cancellationToken);
    }
}
