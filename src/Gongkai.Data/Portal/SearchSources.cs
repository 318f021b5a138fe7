using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Portal;

/// <summary>
/// Reads the five sources of the site search out of the database as <see cref="IndexedDoc"/>s: published catalogue
/// items (Art. 12), the register of 规章 and 规范性文件 (Art. 20 (一)), each agency's 制度, its 指南 (Art. 12) and its
/// published annual reports (Art. 49). Only what a visitor may see is read: an item that is not (or no longer)
/// published, a report not published, is simply absent.
/// </summary>
internal static class SearchSources
{
    /// <summary>Rows to read again, by source (a category's id re-reads that category's items).</summary>
    internal sealed record Wanted(List<long> Catalog, List<long> Categories, List<long> Register, List<long> Policies, List<long> Guides, List<long> Reports);

    private const int Batch = 500;

    /// <summary>Everything (<paramref name="wanted"/> null), or the rows named.</summary>
    public static async Task<List<IndexedDoc>> LoadAsync(GongkaiDbContext db, Wanted? wanted, CancellationToken cancellationToken)
    {
        var docs = new List<IndexedDoc>();
        var published = nameof(CatalogItemStatus.Published);

        async Task Catalog(Func<IQueryable<Records.CatalogItemRecord>, IQueryable<Records.CatalogItemRecord>> filter)
        {
            var rows = await (from i in filter(db.CatalogItems.AsNoTracking().Where(i => i.Status == published))
                              join c in db.CatalogCategories.AsNoTracking() on i.CategoryId equals c.Id
                              select new { i.Id, i.AgencyId, i.Title, i.Summary, i.DocumentNumber, i.IndexNumber, i.GeneratedOn, i.PublishedOn, i.CategoryId, c.Code, c.Name })
                .ToListAsync(cancellationToken);
            foreach (var r in rows)
            {
                var date = r.PublishedOn ?? r.GeneratedOn;
                var text = r.Summary + (r.DocumentNumber is { Length: > 0 } dn ? " · 文号：" + dn : string.Empty) + " · 索引号：" + r.IndexNumber;
                docs.Add(new IndexedDoc
                {
                    Source = PortalSource.Catalog,
                    Key = r.Id,
                    HitId = r.Id,
                    AgencyId = r.AgencyId,
                    Title = r.Title,
                    Text = text,
                    Date = date,
                    Year = date.Year,
                    CategoryId = r.CategoryId,
                    CategoryCode = r.Code,
                    CategoryName = r.Name,
                    CatalogItemId = r.Id,
                }.Prepare());
            }
        }

        async Task Register(Func<IQueryable<Records.NormativeDocumentRecord>, IQueryable<Records.NormativeDocumentRecord>> filter)
        {
            foreach (var d in await filter(db.NormativeDocuments.AsNoTracking()).ToListAsync(cancellationToken))
            {
                var kind = d.Kind == "regulation" ? "规章" : "规范性文件";
                var text = $"{kind} · 文号：{d.DocumentNumber ?? "无"} · 制发日期：{d.IssuedOn:yyyy-MM-dd}" + (d.RepealedOn is { } rep ? $" · 已于{rep:yyyy-MM-dd}废止" : " · 现行有效");
                docs.Add(new IndexedDoc
                {
                    Source = PortalSource.Register,
                    Key = d.Id,
                    HitId = d.Id,
                    AgencyId = d.AgencyId,
                    Title = d.Title,
                    Text = text,
                    Date = d.PublishedOn ?? d.IssuedOn,
                    Year = d.IssuedOn.Year,
                    CatalogItemId = d.CatalogItemId,
                }.Prepare());
            }
        }

        async Task Policies(Func<IQueryable<Records.DisclosureRuleRecord>, IQueryable<Records.DisclosureRuleRecord>> filter)
        {
            foreach (var r in await filter(db.DisclosureRules.AsNoTracking()).ToListAsync(cancellationToken))
            {
                var text = r.Body + (r.DocumentNumber is { Length: > 0 } dn ? " · 文号：" + dn : string.Empty);
                docs.Add(new IndexedDoc
                {
                    Source = PortalSource.Policy,
                    Key = r.Id,
                    HitId = r.Id,
                    AgencyId = r.AgencyId,
                    Title = r.Title,
                    Text = text,
                    Date = r.IssuedOn,
                    Year = r.IssuedOn.Year,
                }.Prepare());
            }
        }

        async Task Guides(Func<IQueryable<Records.AgencyGuideRecord>, IQueryable<Records.AgencyGuideRecord>> filter)
        {
            var rows = await (from g in filter(db.AgencyGuides.AsNoTracking())
                              join a in db.Agencies.AsNoTracking() on g.AgencyId equals a.Id
                              select new { g, a.Name }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var g = row.g;
                var text = string.Join(" ", new[] { g.Classification, g.HowToObtain, g.OfficeName, g.Address }.Where(s => !string.IsNullOrEmpty(s)));
                docs.Add(new IndexedDoc
                {
                    Source = PortalSource.Guide,
                    Key = g.AgencyId,
                    HitId = g.AgencyId,
                    AgencyId = g.AgencyId,
                    Title = row.Name + "政府信息公开指南",
                    Text = text,
                    Date = DateOnly.FromDateTime(g.UpdatedAt.UtcDateTime),
                    Year = null,
                }.Prepare());
            }
        }

        async Task Reports(Func<IQueryable<Records.AnnualReportRecord>, IQueryable<Records.AnnualReportRecord>> filter)
        {
            var rows = await (from r in filter(db.AnnualReports.AsNoTracking().Where(r => r.Status == "published"))
                              join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
                              select new { r.Id, r.AgencyId, r.Year, r.Json, r.PublishedAt, a.Name }).ToListAsync(cancellationToken);
            foreach (var r in rows)
            {
                docs.Add(new IndexedDoc
                {
                    Source = PortalSource.Report,
                    Key = r.Id,
                    HitId = r.Year,
                    AgencyId = r.AgencyId,
                    Title = $"{r.Name}{r.Year}年政府信息公开工作年度报告",
                    Text = ReportText(r.Json),
                    Date = r.PublishedAt is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null,
                    Year = r.Year,
                }.Prepare());
            }
        }

        if (wanted is null)
        {
            await Catalog(q => q);
            await Register(q => q);
            await Policies(q => q);
            await Guides(q => q);
            await Reports(q => q);
            return docs;
        }

        // The rows named, a batch at a time (a query's parameters are limited).
        async Task InBatches(List<long> ids, Func<long[], Task> load)
        {
            foreach (var chunk in ids.Chunk(Batch))
            {
                await load(chunk);
            }
        }

        await InBatches(wanted.Catalog, chunk => Catalog(q => q.Where(i => chunk.Contains(i.Id))));
        await InBatches(wanted.Categories, chunk =>
        {
            var ids = chunk.Select(c => (int)c).ToArray();
            return Catalog(q => q.Where(i => ids.Contains(i.CategoryId)));
        });
        await InBatches(wanted.Register, chunk => Register(q => q.Where(d => chunk.Contains(d.Id))));
        await InBatches(wanted.Policies, chunk => Policies(q => q.Where(r => chunk.Contains(r.Id))));
        await InBatches(wanted.Guides, chunk =>
        {
            var ids = chunk.Select(c => (int)c).ToArray();
            return Guides(q => q.Where(g => ids.Contains(g.AgencyId)));
        });
        await InBatches(wanted.Reports, chunk => Reports(q => q.Where(r => chunk.Contains(r.Id))));

        // An item both named and in a named category is read twice: keep one.
        return docs.GroupBy(d => (d.Source, d.Key)).Select(g => g.Last()).ToList();
    }

    /// <summary>The text of a published report's six sections.</summary>
    private static string ReportText(string json)
    {
        var read = ReportJson.Read(json);
        if (read.Report is not { } report)
        {
            return string.Empty;
        }

        return string.Join("\n", report.Sections.InOrder(report.Template).Select(s => s.Heading + " " + s.Text));
    }
}
