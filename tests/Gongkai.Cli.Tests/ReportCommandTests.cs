using System.Text.Json;
using AngleSharp.Html.Parser;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

public class ReportCommandTests
{
    [Fact]
    public void Check_ConsistentSample_ExitsZeroAndSaysSo()
    {
        var result = CliRun.InProcess("report", "check", "--in", Paths.Fixture("001"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("番禺区卫生健康局 2020年度", result.Out, StringComparison.Ordinal);
        Assert.Contains("未发现问题", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Sample002_ExitsOneAndExplainsTheBlankTotal()
    {
        var result = CliRun.InProcess("report", "check", "--in", Paths.Fixture("002"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[错误] 一、本年新收政府信息公开申请数量 总计列空白，但六类申请人之和为1", result.Out, StringComparison.Ordinal);
        Assert.Contains("规则 row-total；位置 applications.received.naturalPerson", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Json_PrintsFindingsWithRuleLocationMessageSeverity()
    {
        var result = CliRun.InProcess("report", "check", "--in", Paths.Fixture("002"), "--json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(json.RootElement.GetProperty("errors").GetInt32(), findings.Count(f => f.GetProperty("severity").GetString() == "error"));
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "handled-sum"
            && f.GetProperty("location")[0].GetString() == "applications.totalHandled.naturalPerson");
    }

    [Fact]
    public void Check_MissingFile_ExitsTwoNamingTheFile()
    {
        var result = CliRun.InProcess("report", "check", "--in", "/no/such/report.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("找不到文件 /no/such/report.json", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Check_BadJson_ExitsTwoNamingTheLine()
    {
        using var dir = new TempDir();
        var file = dir.File("bad.json");
        File.WriteAllText(file, "{\n  \"agency\": \"某局\",\n  \"year\": 2020,\n  \"applications\": [1, 2\n}");

        var result = CliRun.InProcess("report", "check", "--in", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("第5行", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("1e308")]
    public void Check_HugeNumberInACell_ExitsTwoNamingTheCell(string huge)
    {
        using var dir = new TempDir();
        var file = dir.File("huge.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(ReportJson.Write(new ReportBuilder().Build()))!;
        json["article20"]!["administrativeLicensing"]!["decisions"] = 0;
        File.WriteAllText(file, json.ToJsonString().Replace("\"decisions\":0", "\"decisions\":" + huge, StringComparison.Ordinal));

        var result = CliRun.InProcess("report", "check", "--in", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("article20.administrativeLicensing.decisions：行政许可·本年处理决定数量 数值超出范围：" + huge, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WrongFieldType_ExitsTwoNamingTheField()
    {
        using var dir = new TempDir();
        var file = dir.File("bad.json");
        File.WriteAllText(file, Fixtures.Json("001").Replace("\"year\": 2020", "\"year\": \"二〇二〇\"", StringComparison.Ordinal));

        var result = CliRun.InProcess("report", "check", "--in", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("year：缺少报告年度", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Html_WritesThePage()
    {
        using var dir = new TempDir();
        var target = dir.File("report.html");

        var result = CliRun.InProcess("report", "render", "--in", Paths.Fixture("004"), "--format", "html", "--out", target);

        Assert.Equal(0, result.ExitCode);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(target));
        Assert.Equal("华龙区卫生健康委员会2021年政府信息公开工作年度报告", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Render_ReportWithErrors_StillRendersAndWarns()
    {
        using var dir = new TempDir();
        var target = dir.File("002.html");

        var result = CliRun.InProcess("report", "render", "--in", Paths.Fixture("002"), "--format", "html", "--out", target);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(target));
        Assert.Contains("数据不一致", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownFormat_ExitsTwoAndWritesNothing()
    {
        using var dir = new TempDir();
        var target = dir.File("report.pdf");

        var result = CliRun.InProcess("report", "render", "--in", Paths.Fixture("004"), "--format", "pdf", "--out", target);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(target));
        Assert.Contains("pdf", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OutputFolderMissing_ExitsTwoAndLeavesNoFile()
    {
        var result = CliRun.InProcess("report", "render", "--in", Paths.Fixture("004"), "--format", "html", "--out", "/no/such/folder/r.html");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("输出文件夹 /no/such/folder 不存在", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingRequiredOption_ExitsTwoWithUsageHint()
    {
        var result = CliRun.InProcess("report", "check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--in", result.Error, StringComparison.Ordinal);
        Assert.Contains("gongkai --help", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("report", "--help")]
    [InlineData("report", "check", "--help")]
    [InlineData("report", "render", "--help")]
    public void Help_EveryCommand_ExitsZeroInChinese(params string[] args)
    {
        var result = CliRun.InProcess(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("年度报告", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RealExecutable_BadInput_ExitCodeTwoAndMessageOnStderr()
    {
        var result = CliRun.AsProcess("report", "check", "--in", "/no/such/report.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("错误：找不到文件", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RealExecutable_Sample002_ExitCodeOne()
    {
        var result = CliRun.AsProcess("report", "check", "--in", Paths.Fixture("002"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("row-total", result.Out, StringComparison.Ordinal);
    }
}
