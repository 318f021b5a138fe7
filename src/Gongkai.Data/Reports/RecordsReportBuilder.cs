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
        var ids = new[] { agencyId };
        var applications = Applications(await CaseGroupsAsync(db, ids, year, cancellationToken), year, report.Template, rules);
        foreach (var row in applications.Rows)
        {
            applications[row.Key].CopyTo(report.Applications[row.Key], 0);
        }

        var review = ReviewLitigation(await ReviewRowsAsync(db, ids, year, cancellationToken), year);
        foreach (var group in ReviewLitigationLabels.Groups)
        {
            review[group].CopyTo(report.ReviewLitigation[group], 0);
        }

        // Section 二 (article20) and first drafts of the narrative of sections 一 and 二: Data/Disclosure.
        await Disclosure.DisclosureReportFiller.FillAsync(db, agencyId, report, await Calendar.CalendarStore.LoadAsync(db, cancellationToken), cancellationToken);
        return report;
    }

    /// <summary>
    /// The cases of <paramref name="agencyIds"/> that section 三 of <paramref name="year"/> counts, counted in the database
    /// by agency and by what the report needs: applicant type, whether received in the year or before, whether closed
    /// in the year or still open at its end, and the stored outcome code. 100,000 cases come back as a few dozen groups
    /// per agency; plain date comparisons (no per-row date functions) keep this fast on SQLite too. The roll-up of a
    /// region (Data/Supervision) asks the same question for many agencies at once and maps the groups through
    /// <see cref="Applications"/>, so a region's figures are the sum of its agencies' reports by construction.
    /// </summary>
    public static async Task<IReadOnlyList<CaseGroup>> CaseGroupsAsync(GongkaiDbContext db, IReadOnlyCollection<int> agencyIds, int year,
        CancellationToken cancellationToken = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var cases = db.Cases.AsNoTracking();
        cases = agencyIds.Count == 1
            ? cases.Where(c => c.AgencyId == agencyIds.First())
            : cases.Where(c => agencyIds.Contains(c.AgencyId));
        return await cases
            .Where(c => c.ReceivedOn <= end && (c.ClosedOn == null || c.ClosedOn >= start))
            .GroupBy(c => new { c.AgencyId, c.ApplicantType, ReceivedInYear = c.ReceivedOn >= start, ClosedInYear = c.ClosedOn != null && c.ClosedOn <= end, c.Outcome })
            .Select(g => new CaseGroup(g.Key.AgencyId, g.Key.ApplicantType, g.Key.ReceivedInYear, g.Key.ClosedInYear, g.Key.Outcome, g.Count()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Section 三 of <paramref name="year"/> from case groups (of one agency, or of many for their sum), through the domain's builder.</summary>
    public static ApplicationsTable Applications(IEnumerable<CaseGroup> groups, int year, ReportTemplate template, ReportingRules? rules = null)
    {
        var start = new DateOnly(year, 1, 1);
        return ApplicationsReportBuilder.Build(
            groups.Select(g => new CaseSummary(
                Enum.Parse<ApplicantType>(g.ApplicantType),
                g.ReceivedInYear ? start : start.AddYears(-1),
                g.ClosedInYear ? start : null,
                g.ClosedInYear && g.Outcome is not null ? Enum.Parse<CaseOutcome>(g.Outcome) : null,
                g.Count)),
            year, template, rules);
    }

    /// <summary>The review and litigation records of <paramref name="agencyIds"/> that section 四 of <paramref name="year"/> counts.</summary>
    public static async Task<IReadOnlyList<ReviewRow>> ReviewRowsAsync(GongkaiDbContext db, IReadOnlyCollection<int> agencyIds, int year,
        CancellationToken cancellationToken = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var rows = db.ReviewLitigation.AsNoTracking();
        rows = agencyIds.Count == 1
            ? rows.Where(r => r.AgencyId == agencyIds.First())
            : rows.Where(r => agencyIds.Contains(r.AgencyId));
        return await rows
            .Where(r => r.FiledOn <= end && (r.ConcludedOn == null || r.ConcludedOn >= start))
            .Select(r => new ReviewRow(r.AgencyId, r.Kind, r.FiledOn, r.Outcome, r.ConcludedOn))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Section 四 of <paramref name="year"/> from review rows, through the domain's builder.</summary>
    public static ReviewLitigationTable ReviewLitigation(IEnumerable<ReviewRow> rows, int year) =>
        ReviewLitigationReportBuilder.Build(
            rows.Select(r => new ReviewLitigationCase(
                ReviewLitigationRecords.ParseKind(r.Kind),
                r.FiledOn,
                ReviewLitigationRecords.ParseOutcome(r.Outcome),
                r.ConcludedOn)),
            year);
}

/// <summary>Alike cases of one agency as section 三 counts them (see <see cref="RecordsReportBuilder.CaseGroupsAsync"/>).</summary>
public sealed record CaseGroup(int AgencyId, string ApplicantType, bool ReceivedInYear, bool ClosedInYear, string? Outcome, int Count);

/// <summary>One review or lawsuit as section 四 counts it.</summary>
public sealed record ReviewRow(int AgencyId, string Kind, DateOnly FiledOn, string Outcome, DateOnly? ConcludedOn);

/// <summary>The stored codes of review and litigation records.</summary>
public static class ReviewLitigationRecords
{
    public static ReviewLitigationGroup ParseKind(string kind) =>
        ReviewLitigationLabels.Groups.Single(g => g.Key() == kind);

    /// <summary><c>pending</c> (尚未审结) is stored as the absence of an outcome in the domain.</summary>
    public static ReviewOutcome? ParseOutcome(string outcome) =>
        outcome == ReviewOutcome.Pending.Key() ? null : ReviewLitigationLabels.Outcomes.Single(o => o.Key() == outcome);
}
