using Gongkai.Data.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Supervision;

/// <summary>Where the figures of an agency's report come from in a roll-up or on the dashboard.</summary>
public enum FigureSource
{
    /// <summary>Built from Gongkai's records (cases, reviews, register) — the report is not published yet.</summary>
    Records,

    /// <summary>From the report the agency published on the platform.</summary>
    Published,

    /// <summary>From a published report read from its text and stored as imported.</summary>
    Imported,
}

/// <summary>One agency's row of the supervising office's dashboard for a year.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Report">Its annual report's standing (Art. 49).</param>
/// <param name="Source">Where the report's figures come from.</param>
/// <param name="OpenCases">Applications not closed today (the case list's 未办结).</param>
/// <param name="OverdueCases">Open applications past their Art. 33 reply date (the case list's 已逾期).</param>
/// <param name="OverdueCatalogItems">Catalogue items not published and past their Art. 26 date (20 working days after 生成日期).</param>
public sealed record DashboardRow(TreeAgency Agency, ReportStanding Report, FigureSource Source, int OpenCases, int OverdueCases, int OverdueCatalogItems);

/// <summary>
/// The supervising office's dashboard (issue #12, 4): every agency of a subtree with its report's standing, open and
/// overdue applications and overdue catalogue items. Answered by four queries whatever the number of agencies: each
/// counts in the database grouped by agency (never one query per agency).
/// </summary>
public static class SupervisionDashboard
{
    /// <summary>The stored codes of <c>annual_reports.status</c> (as the web's report store writes them).</summary>
    public const string Published = "published";

    /// <summary>A published report read from its text (bulk upload, or the report page's import).</summary>
    public const string Imported = "imported";

    /// <summary>Rows for <paramref name="agencies"/> (in their order) for the report year <paramref name="year"/>, on <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyList<DashboardRow>> LoadAsync(GongkaiDbContext db, IReadOnlyList<TreeAgency> agencies, int year, DateOnly today,
        ReportDeadlines deadlines, IWorkingDayCalendar calendar, CancellationToken cancellationToken = default)
    {
        var ids = agencies.Select(a => a.Id).ToArray();
        // A report published on the platform passed the checker when it was published (publishing is refused while it
        // finds errors) and carries its moment: its JSON is not read. Drafts and imported reports are read and checked.
        var reports = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Year == year && ids.Contains(r.AgencyId))
            .Select(r => new { r.AgencyId, r.Status, r.PublishedAt, Json = r.Status == Published ? null : r.Json })
            .ToListAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.AgencyId) && c.ClosedOn == null)
            .GroupBy(c => c.AgencyId)
            .Select(g => new { AgencyId = g.Key, Open = g.Count(), Overdue = g.Count(c => c.ReplyDue < today) })
            .ToDictionaryAsync(g => g.AgencyId, cancellationToken);
        // Art. 26: anything generated more than 20 working days ago was generated at least 20 calendar days ago, a
        // cheap bound in SQL; the groups' dates (one per day, not per item) are then counted in working days.
        var bound = today.AddDays(-CatalogItem.PublicationDeadlineWorkingDays);
        var open = new[] { nameof(CatalogItemStatus.Draft), nameof(CatalogItemStatus.InReview), nameof(CatalogItemStatus.Approved) };
        var catalog = await db.CatalogItems.AsNoTracking()
            .Where(i => ids.Contains(i.AgencyId) && open.Contains(i.Status) && i.GeneratedOn < bound)
            .GroupBy(i => new { i.AgencyId, i.GeneratedOn })
            .Select(g => new { g.Key.AgencyId, g.Key.GeneratedOn, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var overdueItems = catalog
            .Where(g => today > calendar.AddWorkingDays(g.GeneratedOn, CatalogItem.PublicationDeadlineWorkingDays))
            .GroupBy(g => g.AgencyId)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Count));

        var byAgency = reports.ToDictionary(r => r.AgencyId);
        var rows = new List<DashboardRow>(agencies.Count);
        foreach (var agency in agencies)
        {
            var deadline = deadlines.For(agency.Kind, year);
            ReportStanding standing;
            var source = FigureSource.Records;
            if (byAgency.TryGetValue(agency.Id, out var stored))
            {
                var report = stored.Json is null ? null : ReportJson.Read(stored.Json).Report;
                var errors = report is null ? 0 : ReportChecker.Check(report).Count(f => f.Severity == FindingSeverity.Error);
                var published = stored.Status is Published or Imported;
                source = stored.Status switch { Published => FigureSource.Published, Imported => FigureSource.Imported, _ => FigureSource.Records };
                // Published on the platform: the day it went out (in China); imported: the date printed under its signature.
                DateOnly? on = stored.Status == Published && stored.PublishedAt is { } at
                    ? DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime)
                    : report?.PublishedOn;
                standing = ReportStanding.Of(stored: true, published, on, errors, deadline, today);
            }
            else
            {
                standing = ReportStanding.Of(stored: false, published: false, null, 0, deadline, today);
            }

            var c = cases.GetValueOrDefault(agency.Id);
            rows.Add(new DashboardRow(agency, standing, source, c?.Open ?? 0, c?.Overdue ?? 0, overdueItems.GetValueOrDefault(agency.Id)));
        }

        return rows;
    }
}
