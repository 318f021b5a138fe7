using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reports;

/// <summary>The status of a stored annual report (column <c>annual_reports.status</c>).</summary>
public static class ReportStatus
{
    public const string Draft = "draft";

    public const string Imported = "imported";

    /// <summary>Published on the portal (Art. 49); read-only until withdrawn.</summary>
    public const string Published = "published";

    public static string DisplayName(string? status) => status switch
    {
        Draft => "草稿",
        Imported => "已导入（草稿）",
        Published => "已发布",
        null => "尚未保存",
        _ => status,
    };
}

/// <summary>
/// Annual reports kept by Gongkai (table <c>annual_reports</c>, one per agency and year, JSON as ReportJson.Write).
/// A published report is what the portal shows; it cannot be changed until it is withdrawn, so what the public
/// reads is always what was published.
/// </summary>
public sealed class AnnualReportStore(GongkaiDbContext db, TimeProvider clock, IPublicPagesCache cache)
{
    public Task<AnnualReportRecord?> FindAsync(int agencyId, int year, CancellationToken cancellationToken = default) =>
        db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year, cancellationToken);

    public async Task<IReadOnlyList<AnnualReportRecord>> ListAsync(int agencyId, bool publishedOnly, CancellationToken cancellationToken = default) =>
        await db.AnnualReports.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && (!publishedOnly || r.Status == ReportStatus.Published))
            .OrderByDescending(r => r.Year)
            .ToListAsync(cancellationToken);

    /// <summary>The newest published year, without loading any report (the portal's home page asks on every request).</summary>
    public Task<int?> LatestPublishedYearAsync(int agencyId, CancellationToken cancellationToken = default) =>
        db.AnnualReports.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.Status == ReportStatus.Published)
            .MaxAsync(r => (int?)r.Year, cancellationToken);

    /// <summary>The stored JSON read back; Gongkai wrote it, so a JSON that does not read is a bug.</summary>
    public static AnnualReport Read(AnnualReportRecord record)
    {
        var result = ReportJson.Read(record.Json);
        return result.Report ?? throw new InvalidOperationException(
            $"annual_reports {record.Id} holds JSON that does not read: {string.Join("; ", result.Errors)}");
    }

    /// <summary>
    /// The format of the agency's report for <paramref name="year"/> (section 二 is printed in it): the stored report's
    /// (an imported report may say), else the one the year prescribes (国办公开办函〔2019〕60号 for 2019–2020,
    /// 〔2021〕30号 from 2021).
    /// </summary>
    public async Task<ReportTemplate> TemplateAsync(int agencyId, int year, CancellationToken cancellationToken = default) =>
        await FindAsync(agencyId, year, cancellationToken) is { } record ? Read(record).Template : ReportTemplates.ForYear(year);

    /// <summary>Today's date in China.</summary>
    public DateOnly Today() => Gongkai.Domain.Calendar.ChinaTime.Today(clock);

    /// <summary>Saves the report as a draft (or as imported); refused while the year's report is published.</summary>
    public async Task<Error?> SaveAsync(int agencyId, AnnualReport report, string status = ReportStatus.Draft, CancellationToken cancellationToken = default)
    {
        var record = await db.AnnualReports.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == report.Year, cancellationToken);
        if (record?.Status == ReportStatus.Published)
        {
            return new Refused($"{report.Year}年度报告已发布，不能修改；如需更正，请先撤回发布。");
        }

        // An imported report stays imported when its text is edited: its tables are the agency's own, not to be
        // recounted from Gongkai's records on the next load (RecordsReportSource).
        if (record?.Status == ReportStatus.Imported && status == ReportStatus.Draft)
        {
            status = ReportStatus.Imported;
        }

        Write(record, agencyId, report, status, publishedAt: null);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Publishes the report to the portal (Art. 49): dated today unless it carries a date, with the checker's findings
    /// stored in it. Refused while the checker finds errors (a published report must add up, 勾稽关系) or a part has no
    /// text (Art. 50), with the reasons (<see cref="ReportPublication.Blockers"/>).
    /// </summary>
    public async Task<Error?> PublishAsync(int agencyId, AnnualReport report, CancellationToken cancellationToken = default)
    {
        var findings = ReportChecker.Check(report);
        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        var blockers = ReportPublication.Blockers(report, findings);
        if (blockers.Count > 0)
        {
            var why = errors > 0 ? $"报告有{errors}项错误，请改正后再发布。" : "报告尚不完整，不能发布。";
            return new Refused(why + string.Concat(blockers.Select(r => " " + r)));
        }

        var record = await db.AnnualReports.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == report.Year, cancellationToken);
        if (record?.Status == ReportStatus.Published)
        {
            return new Conflict($"{report.Year}年度报告已经发布。");
        }

        report.PublishedOn ??= Today();
        report.Findings.Clear();
        report.Findings.AddRange(findings);
        Write(record, agencyId, report, ReportStatus.Published, publishedAt: clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictAsync(cancellationToken);
        return null;
    }

    /// <summary>Withdraws a published report from the portal; it becomes a draft again.</summary>
    public async Task<Error?> WithdrawAsync(int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var record = await db.AnnualReports.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year, cancellationToken);
        if (record?.Status != ReportStatus.Published)
        {
            return new Refused($"{year}年度报告尚未发布。");
        }

        record.Status = ReportStatus.Draft;
        record.PublishedAt = null;
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictAsync(cancellationToken);
        return null;
    }

    private void Write(AnnualReportRecord? record, int agencyId, AnnualReport report, string status, DateTimeOffset? publishedAt)
    {
        var json = ReportJson.Write(report);
        if (record is null)
        {
            db.AnnualReports.Add(new AnnualReportRecord
            {
                AgencyId = agencyId,
                Year = report.Year,
                Json = json,
                Status = status,
                UpdatedAt = clock.GetUtcNow(),
                PublishedAt = publishedAt,
            });
            return;
        }

        record.Json = json;
        record.Status = status;
        record.UpdatedAt = clock.GetUtcNow();
        record.PublishedAt = publishedAt;
    }
}
