using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Data.Reports;
using Gongkai.Domain.Reports;

namespace Gongkai.Web.Reports;

/// <summary>
/// The working copy of a year's report with sections 三 and 四 counted from the records (<see cref="RecordsReportBuilder"/>):
/// the narrative and section 二 stay as stored. A published or imported report is shown exactly as it was.
/// </summary>
public sealed class RecordsReportSource(AnnualReportStore store, GongkaiDbContext db) : IReportSource
{
    public async Task<AnnualReport> LoadAsync(AgencyRecord agency, int year, CancellationToken cancellationToken = default)
    {
        var record = await store.FindAsync(agency.Id, year, cancellationToken);
        if (record is { Status: ReportStatus.Published or ReportStatus.Imported })
        {
            return AnnualReportStore.Read(record);
        }

        var report = record is null ? new AnnualReport(agency.Name, year) : AnnualReportStore.Read(record);
        var counted = await RecordsReportBuilder.BuildAsync(db, agency.Id, year, report.Template, cancellationToken: cancellationToken);
        if (counted is null)
        {
            return report;
        }

        foreach (var row in report.Applications.Rows)
        {
            counted.Applications[row.Key].CopyTo(report.Applications[row.Key], 0);
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            counted.ReviewLitigation[group].CopyTo(report.ReviewLitigation[group], 0);
        }

        return report;
    }
}
