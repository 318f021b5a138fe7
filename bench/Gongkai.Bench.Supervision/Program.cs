using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Gongkai.Application.Supervision;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Records;
using Gongkai.Data.Supervision;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

// The supervising office's speed targets (issue #12), measured side by side in one run:
//  1. the roll-up of one year over 3,000 agencies and 1,000,000 cases on PostgreSQL (< 10 s, and ≤ 3× one bare SQL
//     GROUP BY pass over the same rows, read to the end);
//  2. the dashboard of 300 agencies (100 cases and a report each) on SQLite and PostgreSQL (< 500 ms).
// Usage: dotnet run -c Release --project bench/Gongkai.Bench.Supervision [-- CASES AGENCIES]  (CASES 0: the dashboard only)
var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var agencyCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3_000;
const int year = 2025;
var today = new DateOnly(2026, 2, 10);
Console.WriteLine($"{Environment.ProcessorCount} cores; roll-up: {agencyCount:N0} agencies, {cases:N0} cases on PostgreSQL; dashboard: 300 agencies on both databases");

// 1. Roll-up on PostgreSQL (CASES = 0 skips it).
if (cases > 0)
{
    using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
    var watch = Stopwatch.StartNew();
    int rootId;
    await using (var context = db.Open())
    {
        rootId = await AddTreeAsync(context, agencyCount);
        var ids = await context.Agencies.Select(a => a.Id).Where(id => id != rootId).ToArrayAsync();
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await connection.OpenAsync();
        await CopyCasesAsync(connection, ids, cases);
        await using var analyze = new NpgsqlCommand("ANALYZE cases", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    Console.WriteLine($"generated {cases:N0} cases with COPY in {watch.Elapsed.TotalSeconds:F1} s");
    var rollups = new List<TimeSpan>();
    var bare = new List<TimeSpan>();
    var received = 0;
    long bareRows = 0;
    for (var i = 0; i < 5; i++)
    {
        // Interleaved: the bare pass and the roll-up see the same cache state.
        await using (var context = db.Open())
        {
            watch.Restart();
            bareRows = await BareGroupByAsync(context, year);
            bare.Add(watch.Elapsed);
        }

        await using (var context = db.Open())
        {
            watch.Restart();
            var tree = await AgencyTree.SubtreeAsync(context, rootId);
            var rollup = await RegionRollup.BuildAsync(context, tree, year, "基准市人民政府");
            rollups.Add(watch.Elapsed);
            received = rollup.Total.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total] ?? 0;
        }
    }

    var r = Median(rollups);
    var b = Median(bare);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"PostgreSQL roll-up of {year} over {agencyCount:N0} agencies: median {r.TotalSeconds:F2} s (target < 10 s); bare GROUP BY pass median {b.TotalSeconds:F2} s ({bareRows:N0} groups); ratio {r / b:F2}× (target ≤ 3×); received {received:N0}"));
}

// 2. The dashboard of 300 agencies, both databases.
foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
{
    using var db = await TestDatabase.CreateAsync(provider);
    int rootId;
    await using (var context = db.Open())
    {
        rootId = await AddTreeAsync(context, 300);
        var ids = await context.Agencies.Select(a => a.Id).Where(id => id != rootId).ToArrayAsync();
        var random = new Random(12);
        var n = 0;
        foreach (var id in ids)
        {
            for (var k = 0; k < 100; k++)
            {
                var received = new DateOnly(year, 1, 1).AddDays(random.Next(400));
                var open = received > new DateOnly(year, 12, 15) || random.Next(20) == 0;
                context.Cases.Add(new CaseRecord
                {
                    AgencyId = id, Number = $"D{++n}", ApplicantType = nameof(ApplicantType.NaturalPerson), ApplicantName = "申请人", Channel = nameof(Channel.InPerson),
                    ReceivedOn = received, Status = open ? "Open" : "Closed", ReplyDue = received.AddDays(28), ClosedOn = open ? null : received.AddDays(random.Next(5, 30)),
                    Outcome = open ? null : nameof(CaseOutcome.Granted), Version = 1, CreatedAt = DateTimeOffset.UnixEpoch,
                });
            }

            // Reports: a third published, a third drafts, a third not started.
            if (id % 3 != 0)
            {
                var report = new ReportBuilder($"机关{id}", year).WithApplications(ApplicantColumn.NaturalPerson, 90, 5, (ApplicationRowKeys.Granted, 80)).WithSections().Build();
                report.PublishedOn = new DateOnly(year + 1, 1, 10 + (id % 20));
                context.AnnualReports.Add(new AnnualReportRecord
                {
                    AgencyId = id, Year = year, Json = ReportJson.Write(report), Status = id % 3 == 1 ? "published" : "draft", UpdatedAt = DateTimeOffset.UnixEpoch,
                    PublishedAt = id % 3 == 1 ? new DateTimeOffset(year + 1, 1, 20, 2, 0, 0, TimeSpan.Zero) : null,
                });
            }
        }

        await context.SaveChangesAsync();
    }

    var times = new List<TimeSpan>();
    var rows = 0;
    for (var i = 0; i < 11; i++)
    {
        await using var context = db.Open();
        var watch = Stopwatch.StartNew();
        var dashboard = await new ShowSupervisionDashboard(context, new FixedClock(new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)), new ReportDeadlines())
            .ExecuteAsync(new DashboardRequest(rootId, year));
        times.Add(watch.Elapsed);
        rows = dashboard.Value!.Rows.Count;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{provider,-10} dashboard of {rows} agencies (30,000 cases, 200 reports): median {Median(times.Skip(1).ToList()).TotalMilliseconds:F0} ms, first {times[0].TotalMilliseconds:F0} ms (target < 500 ms)"));
}

static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

static async Task<int> AddTreeAsync(GongkaiDbContext context, int children)
{
    var root = new AgencyRecord { Code = "root", Name = "基准市人民政府", Kind = "government", CreatedAt = DateTimeOffset.UnixEpoch };
    context.Agencies.Add(root);
    await context.SaveChangesAsync();
    var kinds = new[] { "department", "department", "town", "other" };
    for (var i = 0; i < children; i++)
    {
        context.Agencies.Add(new AgencyRecord { Code = $"a{i:D5}", Name = $"基准机关{i:D5}", Kind = kinds[i % kinds.Length], ParentId = root.Id, CreatedAt = DateTimeOffset.UnixEpoch });
    }

    await context.SaveChangesAsync();
    context.ChangeTracker.Clear();
    return root.Id;
}

// Cases in the shares the sample reports show (mostly citizens, mostly granted or not held), received over two
// years, about one in ten still open; written with binary COPY.
static async Task CopyCasesAsync(NpgsqlConnection connection, int[] agencies, int count)
{
    var outcomes = Enum.GetNames<CaseOutcome>();
    var applicants = Enum.GetNames<ApplicantType>();
    var random = new Random(2025);
    await using var writer = await connection.BeginBinaryImportAsync(
        "COPY cases (agency_id, number, applicant_type, applicant_name, channel, received_on, status, reply_due, closed_on, outcome, version, created_at) FROM STDIN (FORMAT BINARY)");
    var start = new DateOnly(2024, 1, 1);
    for (var i = 0; i < count; i++)
    {
        var received = start.AddDays(random.Next(731));
        var open = random.Next(10) == 0;
        var closed = open ? (DateOnly?)null : received.AddDays(random.Next(3, 40));
        await writer.StartRowAsync();
        await writer.WriteAsync(agencies[i % agencies.Length], NpgsqlDbType.Integer);
        await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"B{i}"), NpgsqlDbType.Varchar);
        await writer.WriteAsync(random.Next(10) < 8 ? applicants[0] : applicants[random.Next(applicants.Length)], NpgsqlDbType.Varchar);
        await writer.WriteAsync("申请人", NpgsqlDbType.Varchar);
        await writer.WriteAsync("InPerson", NpgsqlDbType.Varchar);
        await writer.WriteAsync(received, NpgsqlDbType.Date);
        await writer.WriteAsync(open ? "Open" : "Closed", NpgsqlDbType.Varchar);
        await writer.WriteAsync(received.AddDays(28), NpgsqlDbType.Date);
        if (closed is { } c)
        {
            await writer.WriteAsync(c, NpgsqlDbType.Date);
            await writer.WriteAsync(random.Next(3) == 0 ? outcomes[random.Next(outcomes.Length)] : outcomes[0], NpgsqlDbType.Varchar);
        }
        else
        {
            await writer.WriteNullAsync();
            await writer.WriteNullAsync();
        }

        await writer.WriteAsync(1, NpgsqlDbType.Integer);
        await writer.WriteAsync(DateTimeOffset.UnixEpoch, NpgsqlDbType.TimestampTz);
    }

    await writer.CompleteAsync();
}

// The baseline: the same rows grouped the same way by one hand-written statement, every group read.
static async Task<long> BareGroupByAsync(GongkaiDbContext context, int year)
{
    var connection = context.Database.GetDbConnection();
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT agency_id, applicant_type, received_on >= @s, closed_on IS NOT NULL AND closed_on <= @e, outcome, count(*)
        FROM cases WHERE received_on <= @e AND (closed_on IS NULL OR closed_on >= @s)
        GROUP BY 1, 2, 3, 4, 5
        """;
    command.Parameters.Add(new NpgsqlParameter("s", new DateOnly(year, 1, 1)));
    command.Parameters.Add(new NpgsqlParameter("e", new DateOnly(year, 12, 31)));
    await using DbDataReader reader = await command.ExecuteReaderAsync();
    long groups = 0;
    while (await reader.ReadAsync())
    {
        groups += reader.GetInt64(5) > 0 ? 1 : 0;
    }

    return groups;
}

/// <summary>The bench's clock: the dashboard is measured on a day after the deadline.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
