using Gongkai.Data.Records;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports;

/// <summary>
/// Where the back office's working copy of a year's annual report comes from. Today: the stored report, or a blank
/// report in the year's template (<see cref="StoredReportSource"/>). Hook: a source that builds the tables of
/// sections 三 and 四 from the case records (ApplicationsReportBuilder and the review/litigation builder) and keeps
/// the stored narrative plugs in here.
/// </summary>
public interface IReportSource
{
    Task<AnnualReport> LoadAsync(AgencyRecord agency, int year, CancellationToken cancellationToken = default);
}

/// <summary>The stored report of the year, or a blank one in the year's template (tables empty, nothing written).</summary>
public sealed class StoredReportSource(AnnualReportStore store) : IReportSource
{
    public async Task<AnnualReport> LoadAsync(AgencyRecord agency, int year, CancellationToken cancellationToken = default) =>
        await store.FindAsync(agency.Id, year, cancellationToken) is { } record
            ? AnnualReportStore.Read(record)
            : new AnnualReport(agency.Name, year);
}
