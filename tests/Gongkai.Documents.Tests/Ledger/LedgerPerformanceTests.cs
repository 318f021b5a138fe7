using System.Diagnostics;
using System.Text;
using Gongkai.Documents.Ledger;
using Xunit.Abstractions;
using static Gongkai.Documents.Tests.Ledger.LedgerBuilder;

namespace Gongkai.Documents.Tests.Ledger;

/// <summary>
/// A large agency's ledger reads completely, every row accepted. How fast is measured by the benchmark
/// (bench/Gongkai.Bench reads a 100,000-row ledger), not asserted here: timed tests fail on a busy machine.
/// </summary>
public class LedgerPerformanceTests(ITestOutputHelper output)
{
    private const int Cases = 30_000;

    private static LedgerBuilder Large() => Standard().Rows(Enumerable.Range(1, Cases).Select(i => i % 3 == 0
        ? OpenCase(number: $"GK-{i}", received: "2020-12-28")
        : Case(number: $"GK-{i}", applicant: $"申请人{i % 977}", received: new DateOnly(2020, 1 + (i % 12), 1 + (i % 28)), closed: "2021/1/15")));

    [Fact]
    public void Read_LargeCsv_AcceptsEveryRow()
    {
        var bytes = Large().ToCsv(Encoding.UTF8, bom: true);

        var watch = Stopwatch.StartNew();
        var result = LedgerReader.Read(new MemoryStream(bytes), "台账.csv", LedgerBuilder.Clock);
        watch.Stop();
        output.WriteLine($"read {Cases} rows in {watch.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(Cases, LedgerAssert.Accepted(result).Count);
    }

    [Fact]
    public void Read_LargeXlsx_AcceptsEveryRow()
    {
        var bytes = Large().ToXlsx();

        var watch = Stopwatch.StartNew();
        var result = LedgerReader.Read(new MemoryStream(bytes), "台账.xlsx", LedgerBuilder.Clock);
        watch.Stop();
        output.WriteLine($"read {Cases} rows in {watch.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(Cases, LedgerAssert.Accepted(result).Count);
    }
}
