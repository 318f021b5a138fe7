using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Reports;

/// <summary>A report of the agency read from its canonical JSON (docs/report-model.md).</summary>
public sealed record ImportAnnualReportRequest(int AgencyId, AnnualReport Report);

/// <summary>
/// 导入: stores a report written elsewhere as the year's working copy, marked imported (its tables are the agency's own,
/// never recounted from the records). Refused while that year's report is published.
/// </summary>
public sealed class ImportAnnualReport(AnnualReportStore store)
{
    public async Task<Result<AnnualReport>> ExecuteAsync(ImportAnnualReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await store.SaveAsync(request.AgencyId, request.Report, ReportStatus.Imported, cancellationToken) is { } error ? error : Result.Ok(request.Report);
    }
}
