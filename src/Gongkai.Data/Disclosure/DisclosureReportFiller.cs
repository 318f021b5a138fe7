using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Disclosure;

/// <summary>
/// Section 二 of the annual report from the records (Art. 50(一)): the <c>article20</c> table from the register of documents
/// and the entered figures, and first drafts of the narrative of sections 一 and 二 from the catalogue, for the officer to edit.
/// </summary>
public static class DisclosureReportFiller
{
    /// <summary>Fills <paramref name="report"/>'s article20 table and drafts <c>overview</c> and <c>proactive</c> (section 三 must be built first).</summary>
    public static async Task FillAsync(GongkaiDbContext db, int agencyId, AnnualReport report, IWorkingDayCalendar calendar, CancellationToken cancellationToken = default)
    {
        var register = await new NormativeDocumentStore(db).LoadAsync(agencyId, cancellationToken);
        NormativeDocumentKinds.FillArticle20(report.Article20, register.ToList(), report.Year);
        var settings = await new CatalogStore(db, calendar, TimeProvider.System).SettingsAsync(agencyId, cancellationToken);
        var figures = await new Article20FigureStore(db, TimeProvider.System).LoadAsync(agencyId, report.Year, cancellationToken);
        Article20FigureRows.Fill(report.Article20, figures.ToList(), report.Year, settings.FeeDecimals);

        var summary = await SummarizeAsync(db, agencyId, report.Year, calendar, cancellationToken);
        report.Sections.Overview ??= summary.DraftOverview(report);
        report.Sections.Proactive ??= ProactiveDisclosureSummary.DraftProactive(report);
    }

    /// <summary>
    /// What the catalogue says of a year: items published in it (by 发布日期), by category and channel, counted in the
    /// database as groups (category × channels × 生成日期), and Art. 26 timeliness from the groups' dates.
    /// </summary>
    public static async Task<ProactiveDisclosureSummary> SummarizeAsync(GongkaiDbContext db, int agencyId, int year, IWorkingDayCalendar calendar,
        CancellationToken cancellationToken = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var groups = await db.CatalogItems.AsNoTracking()
            .Where(i => i.AgencyId == agencyId && i.PublishedOn >= start && i.PublishedOn <= end)
            .GroupBy(i => new { i.CategoryId, i.Channels, i.GeneratedOn, i.PublishedOn })
            .Select(g => new { g.Key.CategoryId, g.Key.Channels, g.Key.GeneratedOn, g.Key.PublishedOn, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var categories = await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var byCategory = categories
            .Select(c => (c.Name, Count: groups.Where(g => g.CategoryId == c.Id).Sum(g => g.Count)))
            .Where(c => c.Count > 0)
            .ToList();
        var byChannel = new Dictionary<PublicationChannel, int>();
        foreach (var g in groups)
        {
            foreach (var channel in PublicationChannels.Split(g.Channels))
            {
                byChannel[channel] = byChannel.GetValueOrDefault(channel) + g.Count;
            }
        }

        var late = groups.Where(g => g.PublishedOn > calendar.AddWorkingDays(g.GeneratedOn, CatalogItem.PublicationDeadlineWorkingDays)).Sum(g => g.Count);

        // Unpublished at year end although due by then: not yet published on 31 December (still open, or published later).
        var open = new[] { nameof(CatalogItemStatus.Draft), nameof(CatalogItemStatus.InReview), nameof(CatalogItemStatus.Approved) };
        var pending = await db.CatalogItems.AsNoTracking()
            .Where(i => i.AgencyId == agencyId && i.GeneratedOn <= end && (i.PublishedOn > end || (i.PublishedOn == null && open.Contains(i.Status))))
            .GroupBy(i => i.GeneratedOn).Select(g => new { GeneratedOn = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var overdue = pending.Where(p => calendar.AddWorkingDays(p.GeneratedOn, CatalogItem.PublicationDeadlineWorkingDays) < end).Sum(p => p.Count);
        return new ProactiveDisclosureSummary(year, groups.Sum(g => g.Count), byCategory, byChannel, late, overdue);
    }
}
