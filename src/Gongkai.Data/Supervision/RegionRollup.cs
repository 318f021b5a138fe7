using Gongkai.Data.Agencies;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Reports;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Supervision;

/// <summary>One agency's part of a roll-up: its own report of the year and where its figures come from.</summary>
public sealed record RollupPart(TreeAgency Agency, FigureSource Source, AnnualReport Report);

/// <summary>A roll-up of a year: the total, the total per kind of agency, and each agency's own figures.</summary>
public sealed record Rollup(int Year, AnnualReport Total, IReadOnlyDictionary<AgencyKind, AnnualReport> ByKind, IReadOnlyList<RollupPart> Parts);

/// <summary>
/// The roll-up (汇总) of the annual reports of a set of agencies for a year (Art. 50; issue #12, 4): sections 二, 三 and
/// 四 summed. An agency whose report of the year is published (or imported from its published text) counts with the
/// published figures; every other agency with the report Gongkai builds from its records — the same groups and the
/// same domain mapping as <see cref="RecordsReportBuilder"/>, asked for all agencies at once (a handful of queries,
/// grouped by agency in the database), so the roll-up equals the sum of the agencies' own reports by construction.
/// </summary>
public static class RegionRollup
{
    /// <summary>The roll-up of <paramref name="agencies"/> for <paramref name="year"/>, the total named <paramref name="name"/>.</summary>
    public static async Task<Rollup> BuildAsync(GongkaiDbContext db, IReadOnlyList<TreeAgency> agencies, int year, string name,
        ReportingRules? rules = null, CancellationToken cancellationToken = default)
    {
        var ids = agencies.Select(a => a.Id).ToArray();
        var stored = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Year == year && ids.Contains(r.AgencyId) && (r.Status == SupervisionDashboard.Published || r.Status == SupervisionDashboard.Imported))
            .Select(r => new { r.AgencyId, r.Status, r.Json })
            .ToListAsync(cancellationToken);
        var published = new Dictionary<int, (FigureSource Source, AnnualReport Report)>();
        foreach (var r in stored)
        {
            if (ReportJson.Read(r.Json).Report is { } report)
            {
                published[r.AgencyId] = (r.Status == SupervisionDashboard.Published ? FigureSource.Published : FigureSource.Imported, report);
            }
        }

        var counted = ids.Where(id => !published.ContainsKey(id)).ToArray();
        var template = ReportTemplates.ForYear(year);
        IReadOnlyList<CaseGroup> groups = counted.Length == 0 ? [] : await RecordsReportBuilder.CaseGroupsAsync(db, counted, year, cancellationToken);
        IReadOnlyList<ReviewRow> reviewRows = counted.Length == 0 ? [] : await RecordsReportBuilder.ReviewRowsAsync(db, counted, year, cancellationToken);
        var caseGroups = groups.ToLookup(g => g.AgencyId);
        var reviews = reviewRows.ToLookup(r => r.AgencyId);
        var article20 = counted.Length == 0 ? null : await Article20InputsAsync(db, counted, year, cancellationToken);

        var parts = new List<RollupPart>(agencies.Count);
        foreach (var agency in agencies)
        {
            if (published.TryGetValue(agency.Id, out var p))
            {
                parts.Add(new RollupPart(agency, p.Source, p.Report));
                continue;
            }

            var report = new AnnualReport(agency.Name, year, template);
            var applications = RecordsReportBuilder.Applications(caseGroups[agency.Id], year, template, rules);
            foreach (var row in applications.Rows)
            {
                applications[row.Key].CopyTo(report.Applications[row.Key], 0);
            }

            var review = RecordsReportBuilder.ReviewLitigation(reviews[agency.Id], year);
            foreach (var group in ReviewLitigationLabels.Groups)
            {
                review[group].CopyTo(report.ReviewLitigation[group], 0);
            }

            // Section 二 as DisclosureReportFiller fills it: the register of documents and the entered Art. 20 figures.
            NormativeDocumentKinds.FillArticle20(report.Article20, article20!.Register[agency.Id].ToList(), year);
            Article20FigureRows.Fill(report.Article20, article20.Figures[agency.Id].ToList(), year,
                article20.FeeDecimals.GetValueOrDefault(agency.Id, DisclosureSettings.Default.FeeDecimals));
            parts.Add(new RollupPart(agency, FigureSource.Records, report));
        }

        var total = ReportSum.Sum(name, year, parts.Select(p => p.Report));
        var byKind = parts.GroupBy(p => p.Agency.Kind)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => ReportSum.Sum($"{name}·{g.Key.Label()}", year, g.Select(p => p.Report)));
        return new Rollup(year, total, byKind, parts);
    }

    private sealed record Article20Inputs(ILookup<int, NormativeDocument> Register, ILookup<int, Article20Figure> Figures, Dictionary<int, int> FeeDecimals);

    /// <summary>What section 二 is filled from, for all counted agencies at once (three queries, not three per agency).</summary>
    private static async Task<Article20Inputs> Article20InputsAsync(GongkaiDbContext db, int[] ids, int year, CancellationToken cancellationToken)
    {
        var register = (await db.NormativeDocuments.AsNoTracking().Where(d => ids.Contains(d.AgencyId)).ToListAsync(cancellationToken))
            .ToLookup(d => d.AgencyId, NormativeDocumentStore.ToDomain);
        var figures = (await db.Article20Figures.AsNoTracking()
                .Where(f => ids.Contains(f.AgencyId) && (f.Year == year || f.Year == year - 1)).ToListAsync(cancellationToken))
            .ToLookup(f => f.AgencyId, f => new Article20Figure(f.RowKey, f.Year, f.Items, f.Decisions, f.Projects, f.AmountYuan));
        var settings = (await db.DisclosureSettings.AsNoTracking().Where(s => ids.Contains(s.AgencyId)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.AgencyId, s => CatalogStore.ToSettings(s).FeeDecimals);
        return new Article20Inputs(register, figures, settings);
    }
}
