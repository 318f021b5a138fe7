using Gongkai.Data.Records;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Reports;

/// <summary><paramref name="Agency"/>'s report for <paramref name="Year"/>, as saved, to go to the portal.</summary>
public sealed record PublishAnnualReportRequest(AgencyRecord Agency, int Year);

/// <summary>
/// 发布年度报告 (Art. 49): publishes the working copy to the portal, dated today unless it carries a date. Refused, with
/// every reason (<see cref="ReportPublication.Blockers"/>), while a part has no text (Art. 50) or the checker finds an
/// error; a report already published is a <see cref="Conflict"/>. The value is the report as published.
/// </summary>
public sealed class PublishAnnualReport(IReportSource workingCopy, AnnualReportStore store)
{
    public async Task<Result<AnnualReport>> ExecuteAsync(PublishAnnualReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await workingCopy.StoreAsync(request.Agency, request.Year, report => store.PublishAsync(request.Agency.Id, report, cancellationToken), cancellationToken);
    }
}
