using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Data.Demo;
using Gongkai.Data.Records;
using Gongkai.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Ledger import against a bare bulk insert of the same rows (issue #12: import ≤ 3× the bare insert).
// Usage: dotnet run -c Release --project bench/Gongkai.Bench.Ledger [-- ROWS [REPEATS [sqlite|postgresql|both]]]
// Each repeat uses fresh databases. "import" is the ImportLedger use case on the CSV bytes (read, check every row,
// replay each case's events, number the cases, write all or nothing). "bare insert" writes the very rows that
// import wrote (read back from its database) into an empty database, in one transaction, with the fastest plain
// statement each database has: one prepared INSERT per row on SQLite, binary COPY on PostgreSQL.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var which = args.Length > 2 ? args[2] : "both";
const int Year = 2025;
var csv = System.Text.Encoding.UTF8.GetBytes(CaseGenerator.Csv(new CaseGenerator().Cases(count, Year)));
Console.WriteLine($"{count:N0} generated ledger rows ({csv.Length / 1e6:F1} MB CSV), {repeats} repeats, {Environment.ProcessorCount} cores");

var providers = which switch
{
    "sqlite" => [DatabaseProvider.Sqlite],
    "postgresql" => [DatabaseProvider.PostgreSql],
    _ => new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql },
};
foreach (var provider in providers)
{
    var imports = new List<TimeSpan>();
    var bares = new List<TimeSpan>();
    for (var r = 0; r < repeats; r++)
    {
        using var source = await TestDatabase.CreateAsync(provider);
        var agencyId = await AgencyAsync(source);
        var watch = Stopwatch.StartNew();
        await using (var context = source.Open())
        {
            var result = await new ImportLedger(context, new CaseCalendar(), TimeProvider.System)
                .ExecuteAsync(new ImportLedgerRequest(agencyId, new MemoryStream(csv), "bench.csv", "bench"));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(result.Error!.Message);
            }
        }

        imports.Add(watch.Elapsed);
        var (cases, events) = await ReadBackAsync(source);
        if (cases.Rows.Count != count)
        {
            throw new InvalidOperationException($"imported {cases.Rows.Count} cases of {count}");
        }

        using var target = await TestDatabase.CreateAsync(provider);
        await AgencyAsync(target);
        watch.Restart();
        await BareInsertAsync(target, cases, events);
        bares.Add(watch.Elapsed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-10} import {imports[^1].TotalSeconds,6:F2} s   bare insert of the same {cases.Rows.Count:N0} cases and {events.Rows.Count:N0} events {bares[^1].TotalSeconds,6:F2} s   ratio {imports[^1] / bares[^1],4:F1}×"));
    }

    var import = imports.Order().ElementAt(imports.Count / 2);
    var bare = bares.Order().ElementAt(bares.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{provider,-10} median: import {import.TotalSeconds:F2} s, bare insert {bare.TotalSeconds:F2} s, import is {import / bare:F1}× the bare insert (target ≤ 3×)"));
}

return 0;

static async Task<int> AgencyAsync(TestDatabase db)
{
    await using var context = db.Open();
    var agency = await context.Agencies.FirstOrDefaultAsync();
    if (agency is null)
    {
        agency = new AgencyRecord { Code = "BENCH", Name = "基准区卫生健康局", Kind = "department", CreatedAt = TimeProvider.System.GetUtcNow() };
        context.Agencies.Add(agency);
        await context.SaveChangesAsync();
    }

    return agency.Id;
}

static async Task<(Table Cases, Table Events)> ReadBackAsync(TestDatabase db)
{
    await using var context = db.Open();
    var connection = context.Database.GetDbConnection();
    await connection.OpenAsync();
    return (await ReadAsync(connection, "cases"), await ReadAsync(connection, "case_events"));
}

static async Task<Table> ReadAsync(DbConnection connection, string table)
{
    await using var command = connection.CreateCommand();
    command.CommandText = $"SELECT * FROM {table} ORDER BY id";
    await using var reader = await command.ExecuteReaderAsync();
    var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
    var rows = new List<object?[]>();
    while (await reader.ReadAsync())
    {
        var values = new object?[reader.FieldCount];
        reader.GetValues(values!);
        rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
    }

    return new Table(table, columns, rows);
}

static async Task BareInsertAsync(TestDatabase db, Table cases, Table events)
{
    await using var context = db.Open();
    var connection = context.Database.GetDbConnection();
    await connection.OpenAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    foreach (var table in new[] { cases, events })
    {
        if (connection is NpgsqlConnection npgsql)
        {
            var types = await ColumnTypesAsync(npgsql, table.Name, table.Columns);
            await using var writer = await npgsql.BeginBinaryImportAsync($"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in table.Rows)
            {
                await writer.StartRowAsync();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null)
                    {
                        await writer.WriteNullAsync();
                    }
                    else
                    {
                        await writer.WriteAsync(row[i], types[i]);
                    }
                }
            }

            await writer.CompleteAsync();
        }
        else
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.Transaction = (SqliteTransaction)transaction;
            command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < table.Columns.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i, null));
            }

            command.Prepare();
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    command.Parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync();
            }
        }
    }

    await transaction.CommitAsync();
}

static async Task<string[]> ColumnTypesAsync(NpgsqlConnection connection, string table, string[] columns)
{
    var types = new string[columns.Length];
    for (var i = 0; i < columns.Length; i++)
    {
        await using var command = new NpgsqlCommand("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = @t::regclass AND attname = @c", connection);
        command.Parameters.AddWithValue("t", table);
        command.Parameters.AddWithValue("c", columns[i]);
        types[i] = (string)(await command.ExecuteScalarAsync())!;
    }

    return types;
}

internal sealed record Table(string Name, string[] Columns, List<object?[]> Rows);
