using System.Diagnostics;
using System.Globalization;
using Gongkai.Bench.Search;
using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Domain.Calendar;
using Gongkai.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

// Catalogue search benchmark (issue 5): 1,000,000 published catalogue items, bulk-loaded (prepared inserts in one transaction on
// SQLite, binary COPY on PostgreSQL, the search index built after the load), then 200 searches of 2–4 character words through
// CatalogSearch (all agencies, first page and total), p50/p95 on each database. PostgreSQL is a private server started like
// the tests do, or GONGKAI_TEST_POSTGRES.
// Usage: dotnet run -c Release --project bench/Gongkai.Bench.Search [-- ITEMS [sqlite|postgresql]]
if (args is ["fill", var fillFile, var fillCount])
{
    // bench/search-wrk.sh: adds published items to a running app's SQLite database (spread over its agencies and their
    // categories, with their rows in the catalogue's FTS table), so both searches are measured on a real-sized catalogue.
    FillSqlite(fillFile, int.Parse(fillCount, CultureInfo.InvariantCulture));
    return;
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var only = args.Length > 1 ? args[1] : null;
const int Searches = 200;
Console.WriteLine($"{count:N0} catalogue items, {Searches} searches of 2–4 character words, {Environment.ProcessorCount} cores");

foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
{
    if (only is not null && !string.Equals(only, provider.ToString(), StringComparison.OrdinalIgnoreCase))
    {
        continue;
    }

    using var db = await TestDatabase.CreateAsync(provider);
    var categories = new Dictionary<string, int[]>();
    await using (var context = db.Open())
    {
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, TimeProvider.System);
        var code = 0;
        foreach (var place in CatalogGenerator.Places)
        {
            foreach (var name in CatalogGenerator.Agencies)
            {
                var agency = new AgencyRecord { Code = $"B{++code:D5}", Name = place + name, Kind = "department", CreatedAt = TimeProvider.System.GetUtcNow() };
                context.Agencies.Add(agency);
                await context.SaveChangesAsync();
                categories[agency.Name] = [agency.Id, .. (await store.CategoriesAsync(agency.Id)).Select(c => c.Id)];
            }
        }
    }

    var watch = Stopwatch.StartNew();
    if (provider == DatabaseProvider.Sqlite)
    {
        LoadSqlite(db.Settings.ConnectionString, count, categories);
    }
    else
    {
        await LoadPostgresAsync(db.Settings.ConnectionString, count, categories);
    }

    var load = watch.Elapsed;
    var words = new CatalogGenerator(seed: 7);
    var times = new List<double>();
    var totals = new List<int>();
    var searchSettings = db.Settings;
    if (provider == DatabaseProvider.PostgreSql && Environment.GetEnvironmentVariable("GONGKAI_BENCH_EXPLAIN") is not null)
    {
        // Plans of slow searches (over 30 ms) go to the private server's log, printed below.
        searchSettings = DatabaseSettings.PostgreSql(new NpgsqlConnectionStringBuilder(db.Settings.ConnectionString)
        {
            Options = "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=30 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on",
        }.ToString());
    }

    await using (var context = searchSettings.Open())
    {
        var search = new CatalogSearch(context);
        for (var i = 0; i < 10; i++)
        {
            await search.SearchAsync(null, words.Word()); // warm-up
        }

        for (var i = 0; i < Searches; i++)
        {
            var word = words.Word();
            watch.Restart();
            var result = await search.SearchAsync(null, word);
            times.Add(watch.Elapsed.TotalMilliseconds);
            totals.Add(result.Total);
        }
    }

    if (Environment.GetEnvironmentVariable("GONGKAI_BENCH_SLOW") is not null)
    {
        var words2 = new CatalogGenerator(seed: 7);
        for (var i = 0; i < 10; i++)
        {
            words2.Word();
        }

        var slow = Enumerable.Range(0, Searches).Select(i => (Word: words2.Word(), Ms: times[i], Total: totals[i])).OrderByDescending(x => x.Ms).Take(8);
        foreach (var (w, ms, total) in slow)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slow: {w} {ms:F1} ms, {total} hits"));
        }
    }

    if (provider == DatabaseProvider.PostgreSql && Environment.GetEnvironmentVariable("GONGKAI_BENCH_EXPLAIN") is not null)
    {
        foreach (var log in Directory.GetFiles(Path.GetTempPath(), "server.log", SearchOption.AllDirectories)
            .Where(f => f.Contains($"gongkai-pg-{Environment.ProcessId}-", StringComparison.Ordinal)))
        {
            Console.WriteLine(string.Join("\n", File.ReadLines(log).Where(l => l.Contains("duration", StringComparison.Ordinal) || l.StartsWith('\t') || l.StartsWith(' ')).TakeLast(120)));
        }
    }

    times.Sort();
    double P(double q) => times[(int)Math.Ceiling(q * times.Count) - 1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{provider,-10} load+index {load.TotalSeconds,6:F1} s | search p50 {P(0.50),6:F1} ms  p95 {P(0.95),6:F1} ms  max {times[^1],6:F1} ms | hits per word: median {totals.Order().ElementAt(totals.Count / 2):N0}, capped at {CatalogSearch.CountCap:N0}: {totals.Count(t => t >= CatalogSearch.CountCap)}"));
}

static IEnumerable<(long Id, int Agency, int Category, string Title, string Summary, DateOnly Generated, DateOnly Published, string Index, int Serial)> Items(int count, Dictionary<string, int[]> categories)
{
    var generator = new CatalogGenerator();
    var serials = new Dictionary<int, int>();
    for (var id = 1L; id <= count; id++)
    {
        var year = 2019 + (int)(id * 7 / (count + 1));
        var (title, summary, agency, category, generated) = generator.Next(year);
        var ids = categories[agency];
        var serial = serials[ids[0]] = serials.GetValueOrDefault(ids[0]) + 1;
        yield return (id, ids[0], ids[1 + category], title, summary, generated, generated.AddDays(5), string.Create(CultureInfo.InvariantCulture, $"B{ids[0]:D5}/{serial:D7}"), serial);
    }
}

static void LoadSqlite(string connectionString, int count, Dictionary<string, int[]> categories)
{
    using var connection = new SqliteConnection(connectionString);
    connection.Open();
    using var transaction = connection.BeginTransaction();
    using var item = connection.CreateCommand();
    item.Transaction = transaction;
    item.CommandText = """
        INSERT INTO catalog_items (id, agency_id, index_number, index_scope, index_serial, title, summary, generated_on, published_on, publisher,
            category_id, channels, validity, status, attachments, version, created_at, updated_at)
        VALUES ($id, $agency, $index, $scope, $serial, $title, $summary, $generated, $published, '基准', $category, 'website', 'Valid', 'Published', '[]', 1, $now, $now)
        """;
    using var fts = connection.CreateCommand();
    fts.Transaction = transaction;
    fts.CommandText = "INSERT INTO catalog_search (rowid, grams, scope) VALUES ($id, $grams, $scope)";
    var p = new Dictionary<string, SqliteParameter>();
    foreach (var name in new[] { "$id", "$agency", "$index", "$scope", "$serial", "$title", "$summary", "$generated", "$published", "$category", "$now" })
    {
        p[name] = item.Parameters.Add(name, SqliteType.Text);
    }

    var ftsId = fts.Parameters.Add("$id", SqliteType.Integer);
    var grams = fts.Parameters.Add("$grams", SqliteType.Text);
    var scope = fts.Parameters.Add("$scope", SqliteType.Text);
    item.Prepare();
    fts.Prepare();
    var now = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    foreach (var i in Items(count, categories))
    {
        p["$id"].Value = i.Id;
        p["$agency"].Value = i.Agency;
        p["$index"].Value = i.Index;
        p["$scope"].Value = "#";
        p["$serial"].Value = i.Serial;
        p["$title"].Value = i.Title;
        p["$summary"].Value = i.Summary;
        p["$generated"].Value = i.Generated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["$published"].Value = i.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["$category"].Value = i.Category;
        p["$now"].Value = now;
        item.ExecuteNonQuery();
        ftsId.Value = i.Id;
        grams.Value = CatalogSearch.Grams(i.Title + " " + i.Summary);
        scope.Value = CatalogSearch.Scope(i.Agency, i.Category);
        fts.ExecuteNonQuery();
    }

    transaction.Commit();
    using var optimize = connection.CreateCommand();
    optimize.CommandText = "INSERT INTO catalog_search (catalog_search) VALUES ('optimize'); ANALYZE;";
    optimize.ExecuteNonQuery();
}

static async Task LoadPostgresAsync(string connectionString, int count, Dictionary<string, int[]> categories)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var drop = new NpgsqlCommand("DROP INDEX ix_catalog_items_search", connection))
    {
        await drop.ExecuteNonQueryAsync(); // a GIN index is built far faster after the load than row by row during it
    }

    var now = TimeProvider.System.GetUtcNow();
    await using (var writer = await connection.BeginBinaryImportAsync("""
        COPY catalog_items (id, agency_id, index_number, index_scope, index_serial, title, summary, generated_on, published_on, publisher,
            category_id, channels, validity, status, attachments, version, created_at, updated_at) FROM STDIN (FORMAT BINARY)
        """))
    {
        foreach (var i in Items(count, categories))
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(i.Id, NpgsqlDbType.Bigint);
            await writer.WriteAsync(i.Agency, NpgsqlDbType.Integer);
            await writer.WriteAsync(i.Index, NpgsqlDbType.Text);
            await writer.WriteAsync("#", NpgsqlDbType.Text);
            await writer.WriteAsync(i.Serial, NpgsqlDbType.Integer);
            await writer.WriteAsync(i.Title, NpgsqlDbType.Text);
            await writer.WriteAsync(i.Summary, NpgsqlDbType.Text);
            await writer.WriteAsync(i.Generated, NpgsqlDbType.Date);
            await writer.WriteAsync(i.Published, NpgsqlDbType.Date);
            await writer.WriteAsync("基准", NpgsqlDbType.Text);
            await writer.WriteAsync(i.Category, NpgsqlDbType.Integer);
            await writer.WriteAsync("website", NpgsqlDbType.Text);
            await writer.WriteAsync("Valid", NpgsqlDbType.Text);
            await writer.WriteAsync("Published", NpgsqlDbType.Text);
            await writer.WriteAsync("[]", NpgsqlDbType.Text);
            await writer.WriteAsync(1, NpgsqlDbType.Integer);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    foreach (var sql in new[]
    {
        "SET maintenance_work_mem = '512MB'",
        "CREATE INDEX ix_catalog_items_search ON catalog_items USING gin (gongkai_grams(title || ' ' || summary)) WHERE status = 'Published'",
        "VACUUM ANALYZE catalog_items",
    })
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}

static void FillSqlite(string file, int count)
{
    using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 60 }.ToString());
    connection.Open();
    var categories = new Dictionary<int, List<int>>();
    using (var read = connection.CreateCommand())
    {
        read.CommandText = "SELECT agency_id, id FROM catalog_categories ORDER BY agency_id, sort_order, id";
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            var agency = reader.GetInt32(0);
            if (!categories.TryGetValue(agency, out var list))
            {
                categories[agency] = list = [];
            }

            list.Add(reader.GetInt32(1));
        }
    }

    var agencies = categories.Keys.Order().ToArray();
    var byName = new Dictionary<string, int[]>();
    var code = 0;
    foreach (var place in CatalogGenerator.Places)
    {
        foreach (var name in CatalogGenerator.Agencies)
        {
            var agency = agencies[code++ % agencies.Length];
            byName[place + name] = [agency, .. categories[agency]];
        }
    }

    using var transaction = connection.BeginTransaction();
    using var item = connection.CreateCommand();
    item.Transaction = transaction;
    item.CommandText = """
        INSERT INTO catalog_items (agency_id, index_number, index_scope, index_serial, title, summary, generated_on, published_on, publisher,
            category_id, channels, validity, status, attachments, version, created_at, updated_at)
        VALUES ($agency, $index, 'BENCH', $serial, $title, $summary, $generated, $published, '基准', $category, 'website', 'Valid', 'Published', '[]', 1, $now, $now)
        RETURNING id
        """;
    using var fts = connection.CreateCommand();
    fts.Transaction = transaction;
    fts.CommandText = "INSERT INTO catalog_search (rowid, grams, scope) VALUES ($id, $grams, $scope)";
    var p = new Dictionary<string, SqliteParameter>();
    foreach (var name in new[] { "$agency", "$index", "$serial", "$title", "$summary", "$generated", "$published", "$category", "$now" })
    {
        p[name] = item.Parameters.Add(name, SqliteType.Text);
    }

    var ftsId = fts.Parameters.Add("$id", SqliteType.Integer);
    var grams = fts.Parameters.Add("$grams", SqliteType.Text);
    var scope = fts.Parameters.Add("$scope", SqliteType.Text);
    var now = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    var generator = new CatalogGenerator();
    var serials = new Dictionary<int, int>();
    for (var n = 0; n < count; n++)
    {
        var (title, summary, name, category, generated) = generator.Next(2019 + (n * 7 / count));
        var ids = byName[name];
        var serial = serials[ids[0]] = serials.GetValueOrDefault(ids[0]) + 1;
        var categoryId = ids[1 + (category % (ids.Length - 1))];
        p["$agency"].Value = ids[0];
        p["$index"].Value = string.Create(CultureInfo.InvariantCulture, $"BENCH/{serial:D7}");
        p["$serial"].Value = serial;
        p["$title"].Value = title;
        p["$summary"].Value = summary;
        p["$generated"].Value = generated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["$published"].Value = generated.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["$category"].Value = categoryId;
        p["$now"].Value = now;
        var id = (long)item.ExecuteScalar()!;
        ftsId.Value = id;
        grams.Value = CatalogSearch.Grams(title + " " + summary);
        scope.Value = CatalogSearch.Scope(ids[0], categoryId);
        fts.ExecuteNonQuery();
    }

    transaction.Commit();
    Console.WriteLine($"{count:N0} published items added to {agencies.Length} agencies");
}
