using System.Diagnostics;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Demo;
using Gongkai.Data.Records;
using Gongkai.Data.Reports;
using Gongkai.Documents.Ledger;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

// Gongkai benchmarks (issue 3): read and import a 100,000-row ledger CSV and build one agency-year report from 100,000 cases,
// on SQLite and on PostgreSQL (a private server started like the tests do, or GONGKAI_TEST_POSTGRES).
// Usage: dotnet run -c Release --project bench/Gongkai.Bench [-- CASES]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
const int year = 2025;
var csvPath = Path.Combine(Path.GetTempPath(), $"gongkai-bench-ledger-{count}.csv");
await File.WriteAllTextAsync(csvPath, CaseGenerator.Csv(new CaseGenerator().Cases(count, year)));
Console.WriteLine($"{count:N0} generated cases in a {new FileInfo(csvPath).Length / 1e6:F1} MB ledger CSV, report year {year}, {Environment.ProcessorCount} cores");

foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
{
    using var db = await TestDatabase.CreateAsync(provider);
    int agencyId;
    await using (var context = db.Open())
    {
        var agency = new AgencyRecord { Code = "BENCH", Name = "基准区卫生健康局", Kind = "department", CreatedAt = TimeProvider.System.GetUtcNow() };
        context.Agencies.Add(agency);
        await context.SaveChangesAsync();
        agencyId = agency.Id;
    }

    var watch = Stopwatch.StartNew();
    await using (var context = db.Open())
    {
        LedgerReadResult read;
        await using (var file = File.OpenRead(csvPath))
        {
            read = LedgerReader.Read(file, csvPath, TimeProvider.System);
        }

        var rows = read.Succeeded
            ? read.Rows.ToList()
            : throw new InvalidOperationException(string.Join("\n", read.Errors.Take(5)));
        var result = await new LedgerImporter(context, ChineseWorkingDayCalendar.Default, TimeProvider.System).ImportAsync(agencyId, rows, "bench", "bench.csv");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", result.Errors.Take(5)));
        }
    }

    var import = watch.Elapsed;
    var builds = new List<TimeSpan>();
    AnnualReport? report = null;
    for (var i = 0; i < 5; i++)
    {
        await using var context = db.Open();
        watch.Restart();
        report = await RecordsReportBuilder.BuildAsync(context, agencyId, year);
        builds.Add(watch.Elapsed);
    }

    var findings = ReportChecker.Check(report!).Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{provider,-10} import {import.TotalSeconds,6:F2} s   report build median {builds.Order().ElementAt(2).TotalMilliseconds,6:F0} ms (first {builds[0].TotalMilliseconds:F0} ms)   received {report!.Applications[ApplicationRowKeys.Received][6]}, checker findings {findings}"));
}
