using System.Text.Json;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

public class ImportCommandTests
{
    private static readonly string[] Seeds = ["000", "001", "002", "003", "004"];

    [Fact]
    public void Import_FiveSeedsJson_ArrayInOrderWithFileAndFindings_ExitZero()
    {
        var files = Seeds.Select(Paths.Seed).ToArray();
        var result = CliRun.InProcess(["import", .. files, "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var elements = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(files, elements.Select(e => e.GetProperty("file").GetString()));
        Assert.Equal("file", elements[0].EnumerateObject().First().Name);
        Assert.Equal("深圳市龙岗区卫生健康局", elements[0].GetProperty("agency").GetString());
        Assert.Equal(3487_1000, elements[1].GetProperty("article20").GetProperty("centralizedProcurement").GetProperty("totalAmountYuan").GetInt32());
        Assert.Contains(elements[2].GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "row-total");
        Assert.Contains(elements[3].GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "import-uncertain");
    }

    [Fact]
    public void Import_UnreadableFile_ElementWithErrorAndExitTwo()
    {
        using var dir = new TempDir();
        var empty = dir.File("empty.txt");
        File.WriteAllText(empty, string.Empty);
        var result = CliRun.InProcess("import", Paths.Seed("001"), empty, "/no/such/report.pdf", "--json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var elements = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, elements.Count);
        Assert.True(elements[0].TryGetProperty("applications", out _));
        Assert.Equal("文件为空", elements[1].GetProperty("error").GetString());
        Assert.Equal(["file", "error"], elements[2].EnumerateObject().Select(p => p.Name));
        Assert.Contains("找不到文件", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Text_ChineseSummaryWithSourceLines()
    {
        var result = CliRun.InProcess("import", Paths.Seed("002"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("下城区卫生健康局 2019年度", result.Out, StringComparison.Ordinal);
        Assert.Contains("[错误] 一、本年新收政府信息公开申请数量 总计列空白", result.Out, StringComparison.Ordinal);
        Assert.Contains("原文 第107行", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FolderWithSummary_WritesOneCsvRowPerReport()
    {
        using var dir = new TempDir();
        var csv = dir.File("summary.csv");
        var result = CliRun.InProcess("import", Paths.Seeds, "--summary", csv);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllText(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        Assert.Equal("file", header[0]);
        Assert.Contains("applications.received.total", header);
        Assert.Contains("article20.regulations.inForce", header);
        Assert.Contains(lines, l => l.Contains("番禺区卫生健康局,2020,2019,2021-01-18", StringComparison.Ordinal));
        Assert.Equal(5, Directory.GetFiles(Paths.Seeds, "*.txt").Length);
    }

    [Fact]
    public void Import_GovernmentOption_OverridesArticle49Deadline()
    {
        using var dir = new TempDir();
        var late = dir.File("late.txt");
        File.WriteAllText(late, File.ReadAllText(Paths.Seed("000")).Replace("2020年1月7日", "2020年3月7日", StringComparison.Ordinal));

        var asDepartment = CliRun.InProcess("import", late);
        var asGovernment = CliRun.InProcess("import", late, "--government", "深圳市龙岗区卫生健康局");

        Assert.Contains("规则 timeliness", asDepartment.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("规则 timeliness", asGovernment.Out, StringComparison.Ordinal);
    }
}
