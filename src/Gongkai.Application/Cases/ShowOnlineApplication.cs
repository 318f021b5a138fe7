using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>Online application <paramref name="ApplicationId"/> of the agency, as the confirmation page shows it.</summary>
public sealed record ShowOnlineApplicationRequest(int AgencyId, long ApplicationId);

/// <summary>
/// An online application awaiting confirmation (Art. 31), without its identity proof's bytes
/// (<see cref="OnlineApplicationQueries.WithoutProof"/>); one of another agency is <see cref="NotFound"/>. The value's
/// <see cref="OnlineApplicationRecord.CaseId"/> is set once it has been confirmed.
/// </summary>
public sealed class ShowOnlineApplication(GongkaiDbContext db)
{
    public async Task<Result<OnlineApplicationRecord>> ExecuteAsync(ShowOnlineApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await db.OnlineApplications.Where(a => a.Id == request.ApplicationId && a.AgencyId == request.AgencyId)
            .WithoutProof().SingleOrDefaultAsync(cancellationToken);
        return application is null ? new NotFound("未找到该在线申请") : Result.Ok(application);
    }
}
