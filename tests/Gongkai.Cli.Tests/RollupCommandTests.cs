using System.Text.Json;
using Gongkai.Data;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

public class RollupCommandTests
{
    private const int Year = 2025;

    private static async Task<(string Db, SupervisionTree Tree)> TreeAsync(TempDir dir)
    {
        var path = dir.File("gongkai.db");
        var settings = DatabaseSettings.SqliteFile(path);
        await SchemaMigrator.MigrateAsync(settings);
        await using var db = settings.Open();
        var tree = await SupervisionTree.CreateAsync(db, Year, new DateOnly(2026, 12, 1));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (path, tree);
    }

    [Fact]
    public async Task Rollup_Json_TotalInReportModelKeysAndOneEntryPerAgencyWithItsSource()
    {
        using var dir = new TempDir();
        var (db, tree) = await TreeAsync(dir);

        var result = CliRun.InProcess("rollup", "--agency", "sfx", "--year", "2025", "--db", db);

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("gongkai.rollup/1", json.GetProperty("schema").GetString());
        Assert.Equal("gongkai.annual-report/1", json.GetProperty("total").GetProperty("schema").GetString());
        var agencies = json.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal(tree.All.Select(a => a.Code).Order(), agencies.Select(a => a.GetProperty("code").GetString()).Order());
        Assert.Equal("imported-report", agencies.Single(a => a.GetProperty("code").GetString() == "jyj").GetProperty("source").GetString());
        Assert.Equal("records", agencies.Single(a => a.GetProperty("code").GetString() == "cgz").GetProperty("source").GetString());
        // The total is the sum of the agencies' own figures, cell by cell.
        var received = agencies.Sum(a => a.GetProperty("report").GetProperty("applications").GetProperty("received")[6].GetInt32());
        Assert.Equal(received, json.GetProperty("total").GetProperty("applications").GetProperty("received")[6].GetInt32());
        Assert.Equal(["department", "government", "other", "town"], json.GetProperty("byKind").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Rollup_SubtreeByName_Csv_RowsPerAgencyAndTotal()
    {
        using var dir = new TempDir();
        var (db, _) = await TreeAsync(dir);

        var result = CliRun.InProcess("rollup", "--agency", "城关镇人民政府", "--year", "2025", "--format", "csv", "--db", db);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("code,name,kind,source,article20.", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("cgz,城关镇人民政府,town,records,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("cgzsq,城关镇东街社区,other,records,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith(",城关镇人民政府（含所属机关）,total,sum,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollup_Docx_WritesTheFile()
    {
        using var dir = new TempDir();
        var (db, _) = await TreeAsync(dir);
        var target = dir.File("汇总.docx");

        var result = CliRun.InProcess("rollup", "--agency", "sfx", "--year", "2025", "--format", "docx", "--out", target, "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("（5个机关）", result.Out, StringComparison.Ordinal);
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(target, false);
        Assert.Contains("示范县人民政府（含所属机关）2025年政府信息公开工作年度报告", docx.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollup_UnknownAgency_Exit2AndNamesIt()
    {
        using var dir = new TempDir();
        var (db, _) = await TreeAsync(dir);

        var result = CliRun.InProcess("rollup", "--agency", "wjj", "--year", "2025", "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("--agency：数据库中没有机关“wjj”", result.Error, StringComparison.Ordinal);
        Assert.Contains("未生成汇总", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2018")]
    [InlineData("2199")]
    public async Task Rollup_YearOutOfRange_Exit2AndSaysWhichYears(string year)
    {
        using var dir = new TempDir();
        var (db, _) = await TreeAsync(dir);

        var result = CliRun.InProcess("rollup", "--agency", "sfx", "--year", year, "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"报告年度 {year} 无效：应为2019年至", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollup_YearNotANumber_Exit2()
    {
        var result = CliRun.InProcess("rollup", "--agency", "sfx", "--year", "二〇二五");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("错误：", result.Error, StringComparison.Ordinal);
    }
}
