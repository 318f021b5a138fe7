using Gongkai.Data.Records;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

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

/// <summary>The working copy of a year's report, for the use cases that change it.</summary>
public static class WorkingCopies
{
    /// <summary>
    /// <see cref="NotFound"/> for a year that has no annual report (outside <see cref="ReportTemplates.IsReportYear"/>),
    /// else null.
    /// </summary>
    public static NotFound? UnknownYear(int year) => ReportTemplates.IsReportYear(year) ? null : new NotFound($"没有{year}年度的报告");

    /// <summary>
    /// Loads the agency's working copy for <paramref name="year"/>, hands it to <paramref name="store"/> (which changes
    /// and stores it, or says why not) and gives back the report as stored; <see cref="NotFound"/> for a year that has
    /// no report.
    /// </summary>
    public static async Task<Result<AnnualReport>> StoreAsync(this IReportSource source, AgencyRecord agency, int year,
        Func<AnnualReport, Task<Error?>> store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(store);
        if (UnknownYear(year) is { } unknown)
        {
            return unknown;
        }

        var report = await source.LoadAsync(agency, year, cancellationToken);
        return await store(report) is { } error ? error : Result.Ok(report);
    }
}
