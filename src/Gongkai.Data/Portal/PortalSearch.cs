using System.Net;
using System.Text;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
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
/// 规范性文件, the 制度, the 指南 and the published annual reports, within one agency or all, from one index over all
/// five (<see cref="SearchIndex"/>: characters and character pairs, in memory per instance, kept fresh from the
/// database's change log before every search). Every word must occur; every match is ranked: each word weighs by how
/// rare it is (BM25's idf), three times as much in the title as in the text; ties newest first. ADR 0013.
/// </summary>
public sealed class PortalSearch(GongkaiDbContext db, SearchIndex index)
{
    public const int PageSize = 20;

    /// <summary>Pages beyond this are not served (a visitor refines the words instead); the total still counts every match.</summary>
    public const int MaxPage = 50;

    /// <summary>A query longer than this (characters) is cut here.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>How much more a word in the title weighs than a word in the text.</summary>
    private const double TitleWeight = 3.0;

    /// <summary>
    /// Searches. <paramref name="knownAgencies"/> is the caller's copy of the agency list (the web keeps one for a few
    /// seconds per instance); an agency missing from it (added since) is read from the database.
    /// </summary>
    public async Task<PortalSearchResult> SearchAsync(PortalQuery query, CancellationToken cancellationToken = default,
        IReadOnlyList<AgencyRecord>? knownAgencies = null)
    {
        var terms = Terms(query.Words);
        var page = Math.Clamp(query.Page, 1, MaxPage);
        if (terms.Count == 0)
        {
            return new PortalSearchResult([], 0, page, PageSize, terms);
        }

        var snapshot = await index.CurrentAsync(db, cancellationToken);
        // A category filter covers its sub-categories, as browsing it does (as pairs: a code is unique within an agency).
        var categories = query.Category is { } code ? await CategorySubtree.CodesAsync(db, query.AgencyId, code, cancellationToken) : null;
        var (ranked, total) = Rank(snapshot, query, categories, terms, page * PageSize);
        var agencies = knownAgencies?.ToDictionary(a => a.Id, a => new AgencyName(a.Id, a.Code, a.Name)) ?? [];
        var hits = new List<PortalHit>(PageSize);
        foreach (var (slot, score) in ranked.Skip((page - 1) * PageSize))
        {
            var d = snapshot.Docs[slot];
            var a = await AgencyAsync(agencies, d.AgencyId, cancellationToken);
            hits.Add(new PortalHit(d.Source, d.HitId, a.Id, a.Code, a.Name, d.Title, d.Text, d.Date, d.CategoryName, d.CatalogItemId,
                (int)Math.Round(score * 1000)));
        }

        return new PortalSearchResult(hits, total, page, PageSize, terms);
    }

    /// <summary>The first <paramref name="take"/> matches in order, and how many match in all.</summary>
    private static (List<(int Slot, double Score)> Ranked, int Total) Rank(Snapshot snapshot, PortalQuery query, HashSet<(int AgencyId, string Code)>? categories, List<string> terms, int take)
    {
        var lists = terms.Select(t => SearchIndex.Normalize(t)).Distinct(StringComparer.Ordinal).Select(snapshot.Match).OrderBy(l => l.Length).ToList();
        if (lists[0].Length == 0)
        {
            return ([], 0);
        }

        var n = snapshot.Docs.Length;
        var idf = lists.Select(l => Math.Log(1 + ((n - l.Length + 0.5) / (l.Length + 0.5)))).ToArray();
        var byDate = query.ByDate;
        var comparer = Comparer<(int Slot, double Score)>.Create((x, y) => Compare(snapshot.Docs, x, y, byDate));
        var heap = new PriorityQueue<(int Slot, double Score), (int Slot, double Score)>(take, comparer);
        var total = 0;
        foreach (var p in lists[0])
        {
            var d = snapshot.Docs[p.Doc];
            if ((query.AgencyId is { } agency && d.AgencyId != agency)
                || (categories is not null && (d.Source != PortalSource.Catalog || d.CategoryCode is not { } code || !categories.Contains((d.AgencyId, code))))
                || (query.Year is { } year && d.Year != year))
            {
                continue;
            }

            var score = idf[0] * Weigh(p);
            var all = true;
            for (var k = 1; k < lists.Count && all; k++)
            {
                var i = Array.BinarySearch(lists[k], p, PostingBySlot.Instance);
                if (i < 0)
                {
                    all = false;
                }
                else
                {
                    score += idf[k] * Weigh(lists[k][i]);
                }
            }

            if (!all)
            {
                continue;
            }

            total++;
            // A min-heap of the best `take`: the worst of them on top, replaced by anything better.
            var hit = (p.Doc, score);
            if (heap.Count < take)
            {
                heap.Enqueue(hit, hit);
            }
            else if (comparer.Compare(hit, heap.Peek()) > 0)
            {
                heap.DequeueEnqueue(hit, hit);
            }
        }

        var ranked = new List<(int Slot, double Score)>(heap.Count);
        while (heap.Count > 0)
        {
            ranked.Add(heap.Dequeue());
        }

        ranked.Reverse();
        return (ranked, total);
    }

    /// <summary>BM25's saturation, without length normalization: the 2nd occurrence adds less than the 1st.</summary>
    private static double Weigh(Posting p) => (TitleWeight * p.InTitle / (p.InTitle + 1.2)) + (p.InText / (p.InText + 1.2));

    /// <summary>Ascending = worse first (the heap keeps the worst on top): by score then date, or date then score; then the lower slot.</summary>
    private static int Compare(IndexedDoc[] docs, (int Slot, double Score) x, (int Slot, double Score) y, bool byDate)
    {
        var dx = docs[x.Slot].Date ?? DateOnly.MinValue;
        var dy = docs[y.Slot].Date ?? DateOnly.MinValue;
        var c = byDate ? dx.CompareTo(dy) : x.Score.CompareTo(y.Score);
        if (c == 0)
        {
            c = byDate ? x.Score.CompareTo(y.Score) : dx.CompareTo(dy);
        }

        return c != 0 ? c : y.Slot.CompareTo(x.Slot);
    }

    private sealed class PostingBySlot : IComparer<Posting>
    {
        public static readonly PostingBySlot Instance = new();

        public int Compare(Posting x, Posting y) => x.Doc.CompareTo(y.Doc);
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

    /// <summary>The words of a query: the first 200 characters split on whitespace, each cut at 50, at most 8, duplicates dropped.</summary>
    public static List<string> Terms(string? words) =>
        (words is { Length: > MaxQueryLength } ? words[..MaxQueryLength] : words ?? string.Empty)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Length > 50 ? w[..50] : w)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(8)
            .ToList();

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
