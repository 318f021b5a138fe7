using System.Data.Common;
using System.Globalization;
using System.Text;
using Gongkai.Data.Records;
using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Data.Disclosure;

/// <summary>
/// Search of the public catalogue by words in Chinese — substrings, no word segmentation (Art. 24: the disclosure
/// platform has a search function). Only published items are found. Every whitespace-separated word must occur in the
/// title or the summary; results are newest first (by registration), 20 to a page.
/// <para>SQLite: the FTS5 table <c>catalog_search</c> holds each published item's text as overlapping character pairs
/// (<see cref="Grams"/>); a word of two or more characters is the phrase of its pairs, a single character a prefix
/// query. Letters and digits only: punctuation in a word splits it into words. PostgreSQL: a GIN index over
/// <c>gongkai_grams(title || ' ' || summary)</c> (its single characters and pairs) finds the candidates and LIKE
/// confirms the exact substring. Both answer 1- and 2-character words from the index (schema 0004 says why not pg_trgm).</para>
/// </summary>
public sealed class CatalogSearch(GongkaiDbContext db)
{
    /// <summary>Matches are counted up to this many; beyond it the result says "at least" (the portal: "1000条以上").</summary>
    public const int CountCap = 1_000;

    /// <summary>Items per page.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Marks the end of a run of letters, so the last character of a run is indexed as a pair too.</summary>
    internal const char EndOfRun = '\uE000';

    /// <summary>
    /// Published items of an agency (or of all agencies) containing every word of <paramref name="words"/>, optionally in one
    /// category (its code) and its sub-categories (<see cref="CategorySubtree"/>), newest first; <paramref name="page"/>
    /// counts from 1. Blank words give an empty result.
    /// </summary>
    public async Task<CatalogSearchResult> SearchAsync(int? agencyId, string words, string? category = null, int page = 1,
        int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var terms = Terms(words);
        if (terms.Count == 0)
        {
            return CatalogSearchResult.Empty(page, pageSize);
        }

        List<int>? categoryIds = null;
        if (category is not null)
        {
            categoryIds = await CategorySubtree.IdsAsync(db, agencyId, category, cancellationToken);
            if (categoryIds.Count == 0)
            {
                return CatalogSearchResult.Empty(page, pageSize);
            }
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var (ids, total, approximate) = db.Database.IsNpgsql()
                ? await SearchPostgresAsync(connection, agencyId, terms, categoryIds, page, pageSize, cancellationToken)
                : await SearchSqliteAsync(connection, agencyId, terms, categoryIds, page, pageSize, cancellationToken);
            var hits = await LoadAsync(ids, cancellationToken);
            return new CatalogSearchResult(hits, total, approximate, page, pageSize);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// The public catalogue without search words (Art. 12 目录): an agency's published items, optionally of one
    /// category (its code), newest first, with an exact count.
    /// </summary>
    public async Task<CatalogSearchResult> BrowseAsync(int agencyId, string? category = null, int page = 1, int pageSize = DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var items = db.CatalogItems.AsNoTracking().Where(i => i.AgencyId == agencyId && i.Status == nameof(CatalogItemStatus.Published));
        if (category is not null)
        {
            items = from i in items
                    join c in db.CatalogCategories on i.CategoryId equals c.Id
                    where c.Code == category
                    select i;
        }

        var total = await items.CountAsync(cancellationToken);
        var ids = await items.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(i => i.Id).ToListAsync(cancellationToken);
        return new CatalogSearchResult(await LoadAsync(ids, cancellationToken), total, false, page, pageSize);
    }

    /// <summary>One published item of the agency (the portal's page per item); null for anything not published.</summary>
    public async Task<CatalogSearchHit?> FindPublishedAsync(int agencyId, long id, CancellationToken cancellationToken = default) =>
        await db.CatalogItems.AnyAsync(i => i.Id == id && i.AgencyId == agencyId && i.Status == nameof(CatalogItemStatus.Published), cancellationToken)
            ? (await LoadAsync([id], cancellationToken)).SingleOrDefault()
            : null;

    /// <summary>The words of a query: split on whitespace, duplicates dropped (each provider folds case as its index does).</summary>
    internal static List<string> Terms(string words) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Take(8)
            .ToList();

    /// <summary>
    /// The indexed form of a text (SQLite): for each run of letters and digits, each character with the next one
    /// (the last with <see cref="EndOfRun"/>), space-separated: <c>卫生局</c> → <c>卫生 生局 局\uE000</c>.
    /// </summary>
    public static string Grams(string text)
    {
        var sb = new StringBuilder(text.Length * 3);
        foreach (var run in Runs(text))
        {
            for (var i = 0; i < run.Count; i++)
            {
                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(run[i]).Append(i + 1 < run.Count ? run[i + 1] : EndOfRun.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>The FTS5 query for the words (SQLite), or null when no word has a letter or digit.</summary>
    internal static string? FtsQuery(IEnumerable<string> terms, int? agencyId, IReadOnlyCollection<int>? categoryIds)
    {
        var parts = new List<string>();
        foreach (var term in terms)
        {
            foreach (var run in Runs(term))
            {
                parts.Add(run.Count == 1
                    ? $"grams : \"{run[0]}\" *"
                    : "grams : \"" + string.Join(' ', Enumerable.Range(0, run.Count - 1).Select(i => run[i] + run[i + 1])) + "\"");
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        if (agencyId is { } a)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"scope : \"a{a}\""));
        }

        if (categoryIds is { Count: > 0 })
        {
            // The category or any of its sub-categories.
            parts.Add(string.Join(" OR ", categoryIds.Select(c => string.Create(CultureInfo.InvariantCulture, $"scope : \"c{c}\""))));
        }

        return string.Join(" AND ", parts.Select(p => "(" + p + ")"));
    }

    /// <summary>Puts a published item into the SQLite index, or takes it out (withdrawn, unpublished). No-op on PostgreSQL.</summary>
    internal static async Task IndexAsync(GongkaiDbContext db, CatalogItemRecord record, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return; // the expression index follows the row
        }

        await db.Database.ExecuteSqlAsync($"DELETE FROM catalog_search WHERE rowid = {record.Id}", cancellationToken);
        if (record.Status == nameof(CatalogItemStatus.Published))
        {
            var grams = Grams(record.Title + " " + record.Summary);
            var scope = Scope(record.AgencyId, record.CategoryId);
            await db.Database.ExecuteSqlAsync($"INSERT INTO catalog_search (rowid, grams, scope) VALUES ({record.Id}, {grams}, {scope})", cancellationToken);
        }
    }

    /// <summary>The scope tokens of an item (SQLite index).</summary>
    public static string Scope(int agencyId, int categoryId) => string.Create(CultureInfo.InvariantCulture, $"a{agencyId} c{categoryId}");

    private static IEnumerable<List<string>> Runs(string text)
    {
        var run = new List<string>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                run.Add(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static async Task<(List<long> Ids, int Total, bool Approximate)> SearchSqliteAsync(DbConnection connection, int? agencyId, List<string> terms, List<int>? categoryIds,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        if (FtsQuery(terms, agencyId, categoryIds) is not { } query)
        {
            return ([], 0, false);
        }

        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT count(*) FROM (SELECT rowid FROM catalog_search WHERE catalog_search MATCH $q LIMIT $cap);" +
            "SELECT rowid FROM catalog_search WHERE catalog_search MATCH $q ORDER BY rowid DESC LIMIT $size OFFSET $skip;";
        command.AddParameter("$q", query);
        command.AddParameter("$cap", CountCap);
        command.AddParameter("$size", pageSize);
        command.AddParameter("$skip", (page - 1) * pageSize);
        var (ids, total) = await ReadAsync(command, cancellationToken);
        return (ids, total, total >= CountCap);
    }

    private static async Task<(List<long> Ids, int Total, bool Approximate)> SearchPostgresAsync(DbConnection connection, int? agencyId, List<string> terms, List<int>? categoryIds,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        // 1. Count from the index: items holding every gram of every word, up to CountCap (each counted row is read from the
        //    heap, ~10 µs when not cached, so the cap bounds the cost). Exact for words of one or two characters; for longer
        //    words an upper bound (the pairs may lie apart), made exact below when there are few.
        // Every query here reads a few thousand rows at most: parallel workers would cost more to start (tens of ms on a
        // busy 2-core machine) than they save. work_mem keeps the bitmap of a common word exact: a lossy page would be
        // rechecked by calling gongkai_grams on each of its rows. SET LOCAL needs a transaction block: a read-only one of the search's own.
        var filters = (agencyId is null ? string.Empty : " AND agency_id = @agency") + (categoryIds is null ? string.Empty : " AND category_id = ANY(@categories)");
        const string Indexed = "status = 'Published' AND gongkai_grams(title || ' ' || summary) @> @grams";
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        await using var count = Command(connection, transaction, "SET LOCAL transaction_read_only = on; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL work_mem = '16MB'; " +
            $"SELECT count(*) FROM (SELECT 1 FROM catalog_items WHERE {Indexed}{filters} LIMIT @cap) s", terms, agencyId, categoryIds);
        count.AddParameter("@cap", CountCap);
        var candidates = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (candidates == 0)
        {
            return ([], 0, false);
        }

        var like = LikeClauses(terms) + filters;
        var ids = new List<long>();
        if (candidates <= ManyMatches)
        {
            // 2a. Few: every match, confirmed by LIKE and sorted newest first; the count is exact.
            await using var all = Command(connection, transaction, $"SELECT id FROM catalog_items WHERE {Indexed}{like} ORDER BY id DESC", terms, agencyId, categoryIds);
            await using var reader = await all.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }

            return (ids.Skip((page - 1) * pageSize).Take(pageSize).ToList(), ids.Count, false);
        }

        // 2b. Many: walk the newest rows backwards on the primary key testing LIKE, which meets a page of matches within a
        //     few thousand rows — cheaper than fetching and sorting every match of a common word. The planner cannot know
        //     LIKE's selectivity, so the walk is imposed.
        await using var select = Command(connection, transaction, "SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off; " +
            $"SELECT id FROM catalog_items WHERE status = 'Published'{like} ORDER BY id DESC LIMIT @size OFFSET @skip", terms, agencyId, categoryIds);
        select.AddParameter("@size", pageSize);
        select.AddParameter("@skip", (page - 1) * pageSize);
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return (ids, candidates, candidates >= CountCap || !terms.All(t => t.EnumerateRunes().Count() <= 2));
    }

    /// <summary>Above this many matches a page is found by walking the newest rows rather than sorting all matches.</summary>
    private const int ManyMatches = 500;

    /// <summary>One LIKE per word; lower() (a copy of the whole text per row) only for words with ASCII letters, the only ones it folds.</summary>
    private static string LikeClauses(List<string> terms) =>
        string.Concat(Enumerable.Range(0, terms.Count).Select(i => terms[i].Any(char.IsAsciiLetter)
            ? string.Create(CultureInfo.InvariantCulture, $" AND lower(title || ' ' || summary) LIKE lower(@t{i})")
            : string.Create(CultureInfo.InvariantCulture, $" AND (title || ' ' || summary) LIKE @t{i}")));

    /// <summary>A command of the PostgreSQL search, in its read-only transaction, with the words' and the filters' parameters.</summary>
    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, List<string> terms, int? agencyId, List<int>? categoryIds)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add(new NpgsqlParameter("@grams", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = PostgresGrams(terms) });
        for (var i = 0; i < terms.Count; i++)
        {
            command.AddParameter($"@t{i}", "%" + EscapeLike(terms[i]) + "%");
        }

        if (agencyId is { } a)
        {
            command.AddParameter("@agency", a);
        }

        if (categoryIds is not null)
        {
            command.AddParameter("@categories", categoryIds.ToArray());
        }

        return command;
    }

    /// <summary>
    /// The grams to look up for the words, as <c>gongkai_grams</c> makes them (schema 0004): ASCII lower-cased only, as
    /// PostgreSQL's lower() under the C locale does; each word on its own, so no pair spans two words. A word of two or
    /// more characters needs only its pairs (they cover every character, and a single character's list is the longest);
    /// a one-character word is its character.
    /// </summary>
    internal static string[] PostgresGrams(IEnumerable<string> terms)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var chars = term.EnumerateRunes().Select(r => r.IsAscii ? Rune.ToLowerInvariant(r).ToString() : r.ToString()).ToList();
            if (chars.Count == 1)
            {
                grams.Add(chars[0]);
            }

            for (var i = 0; i + 1 < chars.Count; i++)
            {
                grams.Add(chars[i] + chars[i + 1]);
            }
        }

        return [.. grams];
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static async Task<(List<long>, int)> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
        await reader.NextResultAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return (ids, total);
    }

    private async Task<List<CatalogSearchHit>> LoadAsync(List<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await (from i in db.CatalogItems.AsNoTracking()
                          join c in db.CatalogCategories.AsNoTracking() on i.CategoryId equals c.Id
                          where ids.Contains(i.Id)
                          select new { i.Id, i.AgencyId, i.IndexNumber, i.Title, i.Summary, Category = c.Name, i.GeneratedOn, i.PublishedOn, i.DocumentNumber, i.Publisher, i.Validity })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(r => new CatalogSearchHit(r.Id, r.AgencyId, r.IndexNumber, r.Title, r.Summary,
            r.Category, r.GeneratedOn, r.PublishedOn, r.DocumentNumber, r.Publisher, Enum.Parse<Validity>(r.Validity))).ToList();
    }
}
