using Gongkai.Data.Records;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Reports;

/// <summary>The six narrative parts of <paramref name="Agency"/>'s report for <paramref name="Year"/> as the office wrote them.</summary>
public sealed record SaveReportTextRequest(AgencyRecord Agency, int Year, ReportSections Sections);

/// <summary>
/// Saves the text of a year's report over its working copy (the tables stay as counted); refused while the report is
/// published (withdraw it first). An imported report stays imported. The value is the report as saved.
/// </summary>
public sealed class SaveReportText(IReportSource workingCopy, AnnualReportStore store)
{
    public async Task<Result<AnnualReport>> ExecuteAsync(SaveReportTextRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await workingCopy.StoreAsync(request.Agency, request.Year, report =>
        {
            request.Sections.ApplyTo(report.Sections);
            return store.SaveAsync(request.Agency.Id, report, cancellationToken: cancellationToken);
        }, cancellationToken);
    }
}
