using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Portal;

/// <summary>Where a hit of the site search comes from.</summary>
public enum PortalSource
{
    /// <summary>政府信息公开目录 (Art. 12): published items only.</summary>
    Catalog,

    /// <summary>规章和规范性文件 (Art. 20 (一)).</summary>
    Register,

    /// <summary>政府信息公开制度.</summary>
    Policy,

    /// <summary>政府信息公开指南 (Art. 12).</summary>
    Guide,

    /// <summary>A published 政府信息公开工作年度报告 (Art. 49).</summary>
    Report,
}

/// <summary>What a visitor asked the site search: words, and optional filters (agency id, catalogue category code, year).</summary>
public sealed record PortalQuery(string Words, int? AgencyId = null, string? Category = null, int? Year = null, bool ByDate = false, int Page = 1);

/// <summary>One hit: <see cref="Id"/> is the item's, rule's or register entry's id, or the report's year; <see cref="Snippet"/> is plain text.</summary>
public sealed record PortalHit(PortalSource Source, long Id, int AgencyId, string AgencyCode, string AgencyName, string Title, string Snippet,
    DateOnly? Date, string? Category, long? CatalogItemId, int Score);

/// <summary>A page of hits of the site search.</summary>
public sealed record PortalSearchResult(IReadOnlyList<PortalHit> Hits, int Total, int Page, int PageSize, IReadOnlyList<string> Terms);

/// <summary>
/// The portal's site search (Art. 24: the platform has a search function): the catalogue, the register of 规章 and
/// 规范性文件, the 制度, the 指南 and the published annual reports, within one agency or all. The catalogue is
/// searched through its own index (<see cref="CatalogSearch"/>: FTS5 on SQLite, the grams index on PostgreSQL); the
/// other sources are small (tens of rows per agency) and are matched with the database's substring test. Every word
/// must occur; relevance counts the words in the title (×3) and in the text, ties newest first. ADR 0012.
/// </summary>
public sealed class PortalSearch(GongkaiDbContext db, CatalogSearch catalog)
{
    public const int PageSize = 20;

    /// <summary>At most this many catalogue hits are ranked (the newest first); the rest are counted.</summary>
    public const int CatalogWindow = 100;

    /// <summary>Report texts already read out of their JSON, by report id and version (see <see cref="ReportTextsAsync"/>).</summary>
    private static readonly ConcurrentDictionary<(long Id, DateTimeOffset UpdatedAt), string> ReportTexts = new();

    /// <summary>
    /// Searches. <paramref name="knownAgencies"/> is the caller's copy of the agency list (the web keeps one for a few
    /// seconds per instance); an agency missing from it (added since) is read from the database.
    /// </summary>
    public async Task<PortalSearchResult> SearchAsync(PortalQuery query, CancellationToken cancellationToken = default,
        IReadOnlyList<AgencyRecord>? knownAgencies = null)
    {
        var terms = Terms(query.Words);
        var page = Math.Max(1, query.Page);
        if (terms.Count == 0)
        {
            return new PortalSearchResult([], 0, page, PageSize, terms);
        }

        var agencies = knownAgencies is null
            ? await db.Agencies.AsNoTracking().Select(a => new AgencyName(a.Id, a.Code, a.Name)).ToDictionaryAsync(a => a.Id, cancellationToken)
            : knownAgencies.ToDictionary(a => a.Id, a => new AgencyName(a.Id, a.Code, a.Name));
        var hits = new List<PortalHit>();
        var extraCatalog = 0;

        var found = await catalog.SearchAsync(query.AgencyId, string.Join(' ', terms), query.Category, 1, CatalogWindow, cancellationToken);
        extraCatalog = Math.Max(0, found.Total - found.Items.Count);
        foreach (var i in found.Items)
        {
            if (query.Year is { } y && (i.PublishedOn ?? i.GeneratedOn).Year != y)
            {
                extraCatalog = 0;
                continue;
            }

            var a = await AgencyAsync(agencies, i.AgencyId, cancellationToken);
            hits.Add(new PortalHit(PortalSource.Catalog, i.Id, a.Id, a.Code, a.Name, i.Title, i.Summary, i.PublishedOn ?? i.GeneratedOn, i.Category, i.Id,
                Score(terms, i.Title, i.Summary)));
        }

        if (query.Category is null)
        {
            var rules = db.DisclosureRules.AsNoTracking().Where(r => query.AgencyId == null || r.AgencyId == query.AgencyId);
            var documents = db.NormativeDocuments.AsNoTracking().Where(d => query.AgencyId == null || d.AgencyId == query.AgencyId);
            var guides = db.AgencyGuides.AsNoTracking().Where(g => query.AgencyId == null || g.AgencyId == query.AgencyId);
            var reports = db.AnnualReports.AsNoTracking().Where(r => r.Status == "published" && (query.AgencyId == null || r.AgencyId == query.AgencyId));
            foreach (var t in terms)
            {
                rules = rules.Where(r => r.Title.Contains(t) || r.Body.Contains(t) || (r.DocumentNumber != null && r.DocumentNumber.Contains(t)));
                documents = documents.Where(d => d.Title.Contains(t) || (d.DocumentNumber != null && d.DocumentNumber.Contains(t)));
                guides = guides.Where(g => g.OfficeName.Contains(t) || (g.Classification != null && g.Classification.Contains(t))
                    || (g.HowToObtain != null && g.HowToObtain.Contains(t)) || (g.Address != null && g.Address.Contains(t)));
                reports = reports.Where(r => r.Json.Contains(t));
            }

            if (query.Year is { } year)
            {
                var from = new DateOnly(year, 1, 1);
                var to = new DateOnly(year, 12, 31);
                rules = rules.Where(r => r.IssuedOn >= from && r.IssuedOn <= to);
                documents = documents.Where(d => d.IssuedOn >= from && d.IssuedOn <= to);
                guides = guides.Where(_ => false);
                reports = reports.Where(r => r.Year == year);
            }

            foreach (var r in await rules.Take(CatalogWindow).ToListAsync(cancellationToken))
            {
                var a = await AgencyAsync(agencies, r.AgencyId, cancellationToken);
                hits.Add(new PortalHit(PortalSource.Policy, r.Id, a.Id, a.Code, a.Name, r.Title, r.Body, r.IssuedOn, null, null,
                    Score(terms, r.Title, r.Body + " " + r.DocumentNumber)));
            }

            foreach (var d in await documents.Take(CatalogWindow).ToListAsync(cancellationToken))
            {
                var a = await AgencyAsync(agencies, d.AgencyId, cancellationToken);
                var kind = d.Kind == "regulation" ? "规章" : "规范性文件";
                var text = $"{kind} · 文号：{d.DocumentNumber ?? "无"} · 制发日期：{d.IssuedOn:yyyy-MM-dd}" + (d.RepealedOn is { } rep ? $" · 已于{rep:yyyy-MM-dd}废止" : " · 现行有效");
                hits.Add(new PortalHit(PortalSource.Register, d.Id, a.Id, a.Code, a.Name, d.Title, text, d.PublishedOn ?? d.IssuedOn, null, d.CatalogItemId,
                    Score(terms, d.Title, d.DocumentNumber ?? string.Empty)));
            }

            foreach (var g in await guides.ToListAsync(cancellationToken))
            {
                var a = await AgencyAsync(agencies, g.AgencyId, cancellationToken);
                var text = string.Join(" ", new[] { g.Classification, g.HowToObtain, g.OfficeName, g.Address }.Where(s => s is not null));
                hits.Add(new PortalHit(PortalSource.Guide, g.AgencyId, a.Id, a.Code, a.Name, a.Name + "政府信息公开指南", text,
                    DateOnly.FromDateTime(g.UpdatedAt.UtcDateTime), null, null, Score(terms, string.Empty, text)));
            }

            var matched = await reports.OrderBy(r => r.Id).Take(CatalogWindow)
                .Select(r => new { r.Id, r.AgencyId, r.Year, r.UpdatedAt, r.PublishedAt }).ToListAsync(cancellationToken);
            var texts = await ReportTextsAsync(matched.Select(r => (r.Id, r.UpdatedAt)).ToList(), cancellationToken);
            foreach (var r in matched)
            {
                var a = await AgencyAsync(agencies, r.AgencyId, cancellationToken);
                if (!texts.TryGetValue(r.Id, out var text) || !terms.All(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var title = $"{a.Name}{r.Year}年政府信息公开工作年度报告";
                hits.Add(new PortalHit(PortalSource.Report, r.Year, a.Id, a.Code, a.Name, title, text,
                    r.PublishedAt is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null, null, null, Score(terms, title, text)));
            }
        }

        var ordered = query.ByDate
            ? hits.OrderByDescending(h => h.Date).ThenByDescending(h => h.Score)
            : hits.OrderByDescending(h => h.Score).ThenByDescending(h => h.Date);
        var pageHits = ordered.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        return new PortalSearchResult(pageHits, hits.Count + extraCatalog, page, PageSize, terms);
    }

    private sealed record AgencyName(int Id, string Code, string Name);

    /// <summary>An agency of a hit: from the caller's copy, or (added since the copy was made) from the database.</summary>
    private async ValueTask<AgencyName> AgencyAsync(Dictionary<int, AgencyName> agencies, int id, CancellationToken cancellationToken)
    {
        if (!agencies.TryGetValue(id, out var a))
        {
            a = await db.Agencies.AsNoTracking().Where(x => x.Id == id).Select(x => new AgencyName(x.Id, x.Code, x.Name)).SingleAsync(cancellationToken);
            agencies[id] = a;
        }

        return a;
    }

    /// <summary>
    /// The texts of these reports. Reading a report's JSON is the dearest step of a search, so each text is kept per
    /// instance by report id and <c>updated_at</c> (a changed report has a new key: never a stale text); the JSON of
    /// the rest is read in one query.
    /// </summary>
    private async Task<Dictionary<long, string>> ReportTextsAsync(List<(long Id, DateTimeOffset UpdatedAt)> keys, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<long, string>();
        var missing = new List<long>();
        foreach (var k in keys)
        {
            if (ReportTexts.TryGetValue(k, out var t))
            {
                texts[k.Id] = t;
            }
            else
            {
                missing.Add(k.Id);
            }
        }

        if (missing.Count > 0)
        {
            if (ReportTexts.Count > 10_000)
            {
                ReportTexts.Clear();
            }

            foreach (var r in await db.AnnualReports.AsNoTracking().Where(r => missing.Contains(r.Id))
                .Select(r => new { r.Id, r.UpdatedAt, r.Json }).ToListAsync(cancellationToken))
            {
                var t = ReportText(r.Json);
                ReportTexts[(r.Id, r.UpdatedAt)] = t;
                texts[r.Id] = t;
            }
        }

        return texts;
    }

    /// <summary>The words of a query: split on whitespace, at most 8, duplicates dropped.</summary>
    public static List<string> Terms(string? words) =>
        (words ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length <= 50)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(8)
            .ToList();

    /// <summary>Relevance: each word's occurrences in the title count three times, in the text once.</summary>
    internal static int Score(IReadOnlyList<string> terms, string title, string text)
    {
        var score = 0;
        foreach (var t in terms)
        {
            score += 3 * Count(title, t) + Math.Min(Count(text, t), 10);
        }

        return score;
    }

    private static int Count(string text, string term)
    {
        var n = 0;
        for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(term, i + term.Length, StringComparison.OrdinalIgnoreCase))
        {
            n++;
        }

        return n;
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

    /// <summary>
    /// A short excerpt of <paramref name="text"/> around the first word found, HTML-encoded, each word wrapped in
    /// &lt;mark&gt; (the text is encoded piece by piece, so nothing of it is ever markup).
    /// </summary>
    public static string Highlight(string text, IReadOnlyList<string> terms, int length = 0)
    {
        text = text.Replace('\n', ' ');
        if (length > 0 && text.Length > length)
        {
            var first = terms.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
            var start = Math.Max(0, Math.Min(first - (length / 4), text.Length - length));
            text = (start > 0 ? "…" : string.Empty) + text.Substring(start, length) + (start + length < text.Length ? "…" : string.Empty);
        }

        var marks = new bool[text.Length];
        foreach (var t in terms)
        {
            for (var i = text.IndexOf(t, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(t, i + t.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marks, true, i, t.Length);
            }
        }

        var sb = new StringBuilder(text.Length + 32);
        var k = 0;
        while (k < text.Length)
        {
            var end = k;
            while (end < text.Length && marks[end] == marks[k])
            {
                end++;
            }

            var piece = WebUtility.HtmlEncode(text[k..end]);
            sb.Append(marks[k] ? "<mark>" + piece + "</mark>" : piece);
            k = end;
        }

        return sb.ToString();
    }
}
