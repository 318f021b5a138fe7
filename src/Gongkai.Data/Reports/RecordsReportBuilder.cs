using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;
using Gongkai.Domain.ReviewLitigation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Reports;

/// <summary>
/// The annual report of an agency for a year, built from its records (Art. 50(二)(三)): section 三 from the
/// cases, section 四 from the review and litigation records, in the template the year prescribes. The tables have
/// no blanks and pass <see cref="ReportChecker"/> by construction.
/// </summary>
public static class RecordsReportBuilder
{
    /// <summary>Null when the agency does not exist.</summary>
    public static async Task<AnnualReport?> BuildAsync(GongkaiDbContext db, int agencyId, int year, ReportTemplate? template = null,
        ReportingRules? rules = null, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
        if (agency is null)
        {
            return null;
        }

        var report = new AnnualReport(agency.Name, year, template);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        // Counted in the database: the builder needs only whether a case was received in the year or before, and
        // whether it closed in the year or is still open at its end, so 100,000 cases come back as a few dozen
        // groups. Plain date comparisons (no per-row date functions) keep this fast on SQLite too.
        var groups = await db.Cases.AsNoTracking()
            .Where(c => c.AgencyId == agencyId && c.ReceivedOn <= end && (c.ClosedOn == null || c.ClosedOn >= start))
            .GroupBy(c => new { c.ApplicantType, ReceivedInYear = c.ReceivedOn >= start, ClosedInYear = c.ClosedOn != null && c.ClosedOn <= end, c.Outcome })
            .Select(g => new { g.Key.ApplicantType, g.Key.ReceivedInYear, g.Key.ClosedInYear, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var applications = ApplicationsReportBuilder.Build(
            groups.Select(g => new CaseSummary(
                Enum.Parse<ApplicantType>(g.ApplicantType),
                g.ReceivedInYear ? start : start.AddYears(-1),
                g.ClosedInYear ? start : null,
                g.ClosedInYear && g.Outcome is not null ? Enum.Parse<CaseOutcome>(g.Outcome) : null,
                g.Count)),
            year, report.Template, rules);
        foreach (var row in applications.Rows)
        {
            applications[row.Key].CopyTo(report.Applications[row.Key], 0);
        }

        var reviews = await db.ReviewLitigation.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.FiledOn <= end && (r.ConcludedOn == null || r.ConcludedOn >= start))
            .Select(r => new { r.Kind, r.FiledOn, r.Outcome, r.ConcludedOn })
            .ToListAsync(cancellationToken);
        var review = ReviewLitigationReportBuilder.Build(
            reviews.Select(r => new ReviewLitigationCase(
                ReviewLitigationRecords.ParseKind(r.Kind),
                r.FiledOn,
                ReviewLitigationRecords.ParseOutcome(r.Outcome),
                r.ConcludedOn)),
            year);
        foreach (var group in ReviewLitigationLabels.Groups)
        {
            review[group].CopyTo(report.ReviewLitigation[group], 0);
        }

        // Section 二 (article20) and first drafts of the narrative of sections 一 and 二: Data/Disclosure.
        await Disclosure.DisclosureReportFiller.FillAsync(db, agencyId, report, await Calendar.CalendarStore.LoadAsync(db, cancellationToken), cancellationToken);
        return report;
    }
}

/// <summary>The stored codes of review and litigation records.</summary>
public static class ReviewLitigationRecords
{
    public static ReviewLitigationGroup ParseKind(string kind) =>
        ReviewLitigationLabels.Groups.Single(g => g.Key() == kind);

    /// <summary><c>pending</c> (尚未审结) is stored as the absence of an outcome in the domain.</summary>
    public static ReviewOutcome? ParseOutcome(string outcome) =>
        outcome == ReviewOutcome.Pending.Key() ? null : ReviewLitigationLabels.Outcomes.Single(o => o.Key() == outcome);
}
