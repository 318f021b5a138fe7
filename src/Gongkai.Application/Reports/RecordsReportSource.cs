using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Data.Reports;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports;

/// <summary>
/// The working copy of a year's report with sections 三 and 四 counted from the records (<see cref="RecordsReportBuilder"/>)
/// and section 二 from the register of documents, the Art. 20 figures and the catalogue (<see cref="DisclosureReportFiller"/>,
/// Art. 50(一)); the narrative stays as stored, and where none is stored yet sections 一 and 二 get a first draft from
/// the records for the office to edit. A published or imported report is shown exactly as it was.
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

        CopyCounted(counted, report);
        return report;
    }

    private static void CopyCounted(AnnualReport counted, AnnualReport report)
    {
        foreach (var row in report.Applications.Rows)
        {
            counted.Applications[row.Key].CopyTo(report.Applications[row.Key], 0);
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            counted.ReviewLitigation[group].CopyTo(report.ReviewLitigation[group], 0);
        }

        // Section 二 as the builder filled it from the register, the figures and the catalogue (same template).
        foreach (var (row, columns) in report.Article20.Layout.Rows)
        {
            foreach (var column in columns)
            {
                report.Article20[row.Key, column.Key] = counted.Article20[row.Key, column.Key];
            }
        }

        // First drafts of the narrative only where the office has written none.
        report.Sections.Overview ??= counted.Sections.Overview;
        report.Sections.Proactive ??= counted.Sections.Proactive;
    }
}
