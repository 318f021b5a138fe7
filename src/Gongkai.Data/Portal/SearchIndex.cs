using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Portal;

/// <summary>
/// The site search's index, one per instance, in memory and derived from the database alone (ADR 0013): every
/// character and every pair of adjacent characters of each searchable text (Chinese has no spaces between words, so
/// pairs stand in for words), with how often it occurs in the title and in the text. A word of one or two characters
/// is answered from one list; a longer word (a phrase, a 文号 such as 卫健发〔2025〕3号) from its rarest pair, confirmed
/// by the exact substring. Every match is ranked (BM25-like: a word in the title weighs three times a word in the text).
/// <para>Fresh on every instance: a trigger on each searched table appends (source, row id) to <c>search_changes</c>
/// (schema 0022) in the changing transaction; before each search the instance reads the entries past its high-water
/// mark (one indexed query, usually empty) and re-reads those rows, so a change made through any instance, a script or
/// psql is found on every instance by the first search started <paramref name="refresh"/> after it was committed
/// (<c>Search:RefreshMilliseconds</c>, default 200; 0: every search reads the log first).</para>
/// </summary>
public sealed class SearchIndex(TimeProvider clock, TimeSpan refresh)
{
    /// <summary>The default of <c>Search:RefreshMilliseconds</c>: how stale a search may be at most.</summary>
    public const int DefaultRefreshMilliseconds = 200;

    /// <summary>Entries of <c>search_changes</c> older than this are deleted (an instance idle longer reloads everything).</summary>
    public static readonly TimeSpan ChangesKept = TimeSpan.FromDays(1);

    /// <summary>How long a missing id below the high-water mark (a PostgreSQL transaction still open, or rolled back) is looked for again.</summary>
    public static readonly TimeSpan GapsKept = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(PortalSource Source, long Key), IndexedDoc> _docs = [];
    private readonly Dictionary<long, DateTimeOffset> _gaps = [];
    private volatile Snapshot? _snapshot;
    private volatile string _gapList = string.Empty;
    private long _highWater;
    private long _lastPollTicks;
    private DateTimeOffset _lastPrune;

    private DateTimeOffset LastPoll => new(Volatile.Read(ref _lastPollTicks), TimeSpan.Zero);

    /// <summary>How many times this instance has read the whole index from the database (tests look at it).</summary>
    public int FullLoads { get; private set; }

    /// <summary>The index as of now: every change committed before this call is in it.</summary>
    internal async Task<Snapshot> CurrentAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var now = clock.GetUtcNow();
        if (snapshot is not null && now - LastPoll < refresh)
        {
            return snapshot;
        }

        if (snapshot is not null && now - LastPoll < ChangesKept / 2)
        {
            var changes = await ReadChangesAsync(db, snapshot.HighWater, _gapList, cancellationToken);
            if (changes.Count == 0)
            {
                Volatile.Write(ref _lastPollTicks, now.UtcTicks);
                return snapshot;
            }
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            now = clock.GetUtcNow();
            if (_snapshot is null || now - LastPoll >= ChangesKept / 2)
            {
                await LoadAllAsync(db, cancellationToken);
            }
            else
            {
                var changes = await ReadChangesAsync(db, _highWater, _gapList, cancellationToken);
                if (changes.Count > 0)
                {
                    await ApplyAsync(db, changes, now, cancellationToken);
                    _snapshot = Snapshot.Build(_docs.Values, _highWater);
                }
            }

            Volatile.Write(ref _lastPollTicks, now.UtcTicks);
            if (now - _lastPrune > TimeSpan.FromHours(1))
            {
                _lastPrune = now;
                await PruneAsync(db, now - ChangesKept, cancellationToken);
            }

            return _snapshot!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LoadAllAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        // The mark first: a change committed while the rows are read is read again later (re-reading is harmless).
        var visible = await ScalarListAsync(db, "SELECT id FROM search_changes WHERE id > (SELECT coalesce(max(id), 0) - 1000 FROM search_changes)", cancellationToken);
        _highWater = visible.Count == 0 ? 0 : visible.Max();
        _gaps.Clear();
        var now = clock.GetUtcNow();
        var seen = visible.ToHashSet();
        for (var id = Math.Max(1, _highWater - 999); id < _highWater; id++)
        {
            if (!seen.Contains(id))
            {
                _gaps[id] = now;
            }
        }

        _gapList = string.Join(',', _gaps.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)));
        _docs.Clear();
        foreach (var doc in await SearchSources.LoadAsync(db, null, cancellationToken))
        {
            _docs[(doc.Source, doc.Key)] = doc;
        }

        _snapshot = Snapshot.Build(_docs.Values, _highWater);
        FullLoads++;
    }

    private async Task ApplyAsync(GongkaiDbContext db, List<(long Id, string Source, long RowId)> changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var max = changes.Max(c => c.Id);
        for (var id = _highWater + 1; id < max; id++)
        {
            _gaps[id] = now;
        }

        foreach (var c in changes)
        {
            _gaps.Remove(c.Id);
        }

        foreach (var old in _gaps.Where(g => now - g.Value > GapsKept).Select(g => g.Key).ToList())
        {
            _gaps.Remove(old);
        }

        _highWater = Math.Max(_highWater, max);
        _gapList = string.Join(',', _gaps.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)));

        var wanted = changes.GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Select(c => c.RowId).Distinct().ToList());
        var reload = new SearchSources.Wanted(
            wanted.GetValueOrDefault("catalog") ?? [], wanted.GetValueOrDefault("category") ?? [], wanted.GetValueOrDefault("register") ?? [],
            wanted.GetValueOrDefault("policy") ?? [], wanted.GetValueOrDefault("guide") ?? [], wanted.GetValueOrDefault("report") ?? []);
        var fresh = await SearchSources.LoadAsync(db, reload, cancellationToken);

        // Every row named is dropped, then what is still searchable (published, not deleted) comes back.
        foreach (var id in reload.Catalog)
        {
            _docs.Remove((PortalSource.Catalog, id));
        }

        if (reload.Categories.Count > 0)
        {
            foreach (var key in _docs.Where(d => d.Value.Source == PortalSource.Catalog && reload.Categories.Contains(d.Value.CategoryId)).Select(d => d.Key).ToList())
            {
                _docs.Remove(key);
            }
        }

        foreach (var id in reload.Register)
        {
            _docs.Remove((PortalSource.Register, id));
        }

        foreach (var id in reload.Policies)
        {
            _docs.Remove((PortalSource.Policy, id));
        }

        foreach (var id in reload.Guides)
        {
            _docs.Remove((PortalSource.Guide, id));
        }

        foreach (var id in reload.Reports)
        {
            _docs.Remove((PortalSource.Report, id));
        }

        foreach (var doc in fresh)
        {
            _docs[(doc.Source, doc.Key)] = doc;
        }
    }

    private static async Task<List<(long Id, string Source, long RowId)>> ReadChangesAsync(GongkaiDbContext db, long highWater, string gaps,
        CancellationToken cancellationToken)
    {
        var sql = "SELECT id, source, row_id FROM search_changes WHERE id > " + highWater.ToString(CultureInfo.InvariantCulture)
            + (gaps.Length > 0 ? " OR id IN (" + gaps + ")" : string.Empty);
        var list = new List<(long, string, long)>();
        await WithConnectionAsync(db, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }, cancellationToken);
        return list;
    }

    private static async Task<List<long>> ScalarListAsync(GongkaiDbContext db, string sql, CancellationToken cancellationToken)
    {
        var list = new List<long>();
        await WithConnectionAsync(db, async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(reader.GetInt64(0));
            }
        }, cancellationToken);
        return list;
    }

    private static async Task PruneAsync(GongkaiDbContext db, DateTimeOffset before, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM search_changes WHERE at < {before}", cancellationToken);
        }
        else
        {
            var text = before.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"DELETE FROM search_changes WHERE at < {text}", cancellationToken);
        }
    }

    private static async Task WithConnectionAsync(GongkaiDbContext db, Func<DbConnection, Task> work, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await work(connection);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The form in which texts and query words are compared: NFKC (full-width digits and letters as ASCII), lower case.</summary>
    internal static string Normalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var n = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return n.ToLowerInvariant();
    }

    /// <summary>The key of a character (<paramref name="second"/> = 0) or of a pair.</summary>
    internal static uint Key(char first, char second) => ((uint)first << 16) | second;
}

/// <summary>One searchable thing in the index: its hit, its normalized texts and its grams.</summary>
internal sealed class IndexedDoc
{
    public required PortalSource Source { get; init; }

    /// <summary>The row's id (the agency's id for a 指南).</summary>
    public required long Key { get; init; }

    /// <summary>The hit's id: the row's, or the report's year.</summary>
    public required long HitId { get; init; }

    public required int AgencyId { get; init; }

    public required string Title { get; init; }

    /// <summary>The text shown under the title (and searched).</summary>
    public required string Text { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>The year the year filter looks at; null: never matches a year filter (the 指南).</summary>
    public int? Year { get; init; }

    public int CategoryId { get; init; }

    public string? CategoryCode { get; init; }

    public string? CategoryName { get; init; }

    public long? CatalogItemId { get; init; }

    /// <summary>Normalized title and text (see <see cref="SearchIndex.Normalize"/>).</summary>
    public string NTitle { get; private set; } = string.Empty;

    public string NText { get; private set; } = string.Empty;

    /// <summary>Each character and pair with its count in the title and in the text.</summary>
    public (uint Key, ushort InTitle, ushort InText)[] Grams { get; private set; } = [];

    /// <summary>Fills the normalized texts and the grams (once, when read from the database).</summary>
    public IndexedDoc Prepare()
    {
        NTitle = SearchIndex.Normalize(Title);
        NText = SearchIndex.Normalize(Text);
        var counts = new Dictionary<uint, (int T, int B)>();
        Count(NTitle, counts, title: true);
        Count(NText, counts, title: false);
        Grams = counts.Select(kv => (kv.Key, (ushort)Math.Min(kv.Value.T, ushort.MaxValue), (ushort)Math.Min(kv.Value.B, ushort.MaxValue))).ToArray();
        return this;
    }

    private static void Count(string text, Dictionary<uint, (int T, int B)> counts, bool title)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            Add(SearchIndex.Key(c, '\0'));
            if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                Add(SearchIndex.Key(c, text[i + 1]));
            }
        }

        void Add(uint key)
        {
            var v = counts.GetValueOrDefault(key);
            counts[key] = title ? (v.T + 1, v.B) : (v.T, v.B + 1);
        }
    }
}

/// <summary>One posting: a document's slot and how often the gram occurs in its title and text.</summary>
internal readonly record struct Posting(int Doc, ushort InTitle, ushort InText);

/// <summary>An immutable state of the index: searches read it without locks while the next one is built.</summary>
internal sealed class Snapshot
{
    private Snapshot(IndexedDoc[] docs, Dictionary<uint, Posting[]> postings, long highWater)
    {
        Docs = docs;
        Postings = postings;
        HighWater = highWater;
    }

    public IndexedDoc[] Docs { get; }

    public Dictionary<uint, Posting[]> Postings { get; }

    /// <summary>The last entry of <c>search_changes</c> this state contains.</summary>
    public long HighWater { get; }

    public static Snapshot Build(IEnumerable<IndexedDoc> all, long highWater)
    {
        var docs = all.ToArray();
        var lists = new Dictionary<uint, List<Posting>>();
        for (var d = 0; d < docs.Length; d++)
        {
            foreach (var (key, t, b) in docs[d].Grams)
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                list.Add(new Posting(d, t, b));
            }
        }

        return new Snapshot(docs, lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), highWater);
    }

    /// <summary>The documents containing <paramref name="term"/> (normalized, no whitespace), in slot order, with its counts.</summary>
    public Posting[] Match(string term)
    {
        if (term.Length == 0)
        {
            return [];
        }

        if (term.Length == 1)
        {
            return Postings.GetValueOrDefault(SearchIndex.Key(term[0], '\0')) ?? [];
        }

        if (term.Length == 2)
        {
            return Postings.GetValueOrDefault(SearchIndex.Key(term[0], term[1])) ?? [];
        }

        Posting[]? rarest = null;
        for (var i = 0; i + 1 < term.Length; i++)
        {
            var list = Postings.GetValueOrDefault(SearchIndex.Key(term[i], term[i + 1]));
            if (list is null)
            {
                return [];
            }

            if (rarest is null || list.Length < rarest.Length)
            {
                rarest = list;
            }
        }

        var found = new List<Posting>();
        foreach (var p in rarest!)
        {
            var doc = Docs[p.Doc];
            var t = Occurrences(doc.NTitle, term);
            var b = Occurrences(doc.NText, term);
            if (t + b > 0)
            {
                found.Add(new Posting(p.Doc, (ushort)Math.Min(t, ushort.MaxValue), (ushort)Math.Min(b, ushort.MaxValue)));
            }
        }

        return found.ToArray();
    }

    private static int Occurrences(string text, string term)
    {
        var n = 0;
        for (var i = text.IndexOf(term, StringComparison.Ordinal); i >= 0; i = text.IndexOf(term, i + term.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
