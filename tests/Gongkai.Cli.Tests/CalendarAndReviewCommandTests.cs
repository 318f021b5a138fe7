namespace Gongkai.Cli.Tests;

public class CalendarAndReviewCommandTests
{
    [Theory]
    [InlineData("2025-09-26", "20", "2025-10-30")] // 国庆 2025 with 调休 days 09-28 and 10-11 (docs/legal.md §5.3)
    [InlineData("2025-09-26", "7", "2025-10-13")]
    [InlineData("2026-02-13", "20", "2026-03-19")] // 春节 2026
    [InlineData("2025-12-31", "20", "2026-01-29")]
    [InlineData("2026-09-18", "15", "2026-10-15")]
    [InlineData("2020-01-17", "20", "2020-02-21")] // 春节 2020 with the extension to 02-02
    [InlineData("2025/9/26", "0", "2025-09-26")]
    public void AddWorkdays_WorkedExamples_PrintTheDeadline(string date, string days, string expected)
    {
        var result = CliRun.InProcess("calendar", "add-workdays", date, days);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Out.Trim());
    }

    [Theory]
    [InlineData("2025-02-30", "20", "日期“2025-02-30”无效")]
    [InlineData("昨天", "20", "日期“昨天”无效")]
    [InlineData("2025-09-26", "-3", "工作日数应为0或正整数")]
    public void AddWorkdays_BadInput_ExitsTwoWithAMessage(string date, string days, string message)
    {
        var result = CliRun.InProcess("calendar", "add-workdays", date, days);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void AddWorkdays_IntoAYearWithoutData_WarnsButAnswers()
    {
        var result = CliRun.InProcess("calendar", "add-workdays", "2027-03-01", "5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2027-03-08", result.Out.Trim());
        Assert.Contains("2027年的放假安排尚未录入", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AddYear_ThenAddWorkdays_UsesTheNewNotice()
    {
        using var dir = new TempDir();
        var db = dir.File("g.db");
        var notice = dir.File("2027.json");
        File.WriteAllText(notice, """{"source":"国务院办公厅通知（测试）","years":{"2027":{"notice":"https://www.gov.cn/test","days":[{"date":"2027-03-02","name":"测试","off":true}]}}}""");

        var added = CliRun.InProcess("calendar", "add-year", notice, "--db", db);
        var result = CliRun.InProcess("calendar", "add-workdays", "2027-03-01", "5", "--db", db);

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("已录入 2027 年的放假安排", added.Out, StringComparison.Ordinal);
        Assert.Equal("2027-03-09", result.Out.Trim());
        Assert.Empty(result.Error);
    }

    [Fact]
    public void RulesSet_StartDayCounted_DeadlinesCountTheStartDay_BadValueExitsTwo()
    {
        using var dir = new TempDir();
        var db = dir.File("g.db");

        var bad = CliRun.InProcess("rules", "set", "working-days.start-day", "yes", "--db", db);
        var before = CliRun.InProcess("calendar", "add-workdays", "2025-09-26", "20", "--db", db);
        var set = CliRun.InProcess("rules", "set", "working-days.start-day", "counted", "--by", "法制科", "--db", db);
        var after = CliRun.InProcess("calendar", "add-workdays", "2025-09-26", "20", "--db", db);
        var list = CliRun.InProcess("rules", "list", "--db", db);

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("规则 working-days.start-day 的值“yes”无效", bad.Error, StringComparison.Ordinal);
        Assert.Equal("2025-10-30", before.Out.Trim());
        Assert.Equal(0, set.ExitCode);
        Assert.Contains("已设置 working-days.start-day = counted；0件在办案件的答复期限随之改变", set.Out, StringComparison.Ordinal);
        Assert.Equal("2025-10-29", after.Out.Trim());
        Assert.Contains("working-days.start-day\tcounted\t", list.Out, StringComparison.Ordinal);
        Assert.Contains("fee.stops-clock\ttrue（默认）", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AddYear_BadFile_ExitsTwoAndStoresNothing()
    {
        using var dir = new TempDir();
        var db = dir.File("g.db");
        var notice = dir.File("bad.json");
        File.WriteAllText(notice, """{"source":"x","years":{"2027":{"notice":"u","days":[{"date":"2027-13-01","name":"x","off":true}]}}}""");

        var added = CliRun.InProcess("calendar", "add-year", notice, "--db", db);
        var after = CliRun.InProcess("calendar", "add-workdays", "2027-03-01", "5", "--db", db);

        Assert.Equal(2, added.ExitCode);
        Assert.Contains($"错误：{notice} 不是有效的放假安排，未录入：\n  第1行 years.2027.days[0].date：", added.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("2027年的放假安排尚未录入", after.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportBuild_UnknownAgency_ExitsTwoAndSaysHowToStart()
    {
        using var dir = new TempDir();

        var result = CliRun.InProcess("report", "build", "--agency", "某局", "--year", "2025", "--db", dir.File("g.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("数据库中没有机关“某局”", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportBuild_DocxWithoutOut_ExitsTwo()
    {
        using var dir = new TempDir();

        var result = CliRun.InProcess("report", "build", "--agency", "某局", "--year", "2025", "--format", "docx", "--db", dir.File("g.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataCommand_BothDbAndConnection_ExitsTwo()
    {
        var result = CliRun.InProcess("report", "build", "--agency", "某局", "--year", "2025", "--db", "x.db", "--connection", "Host=x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("只能二选一", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataCommand_UnreachablePostgres_ExitsTwoWithoutStackTrace()
    {
        var result = CliRun.InProcess("report", "build", "--agency", "某局", "--year", "2025", "--connection", "Host=127.0.0.1;Port=1;Timeout=2;Username=x;Database=x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("无法打开数据库（PostgreSQL 127.0.0.1:1/x）", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewAdd_OutcomeWithoutDate_ExitsTwo()
    {
        using var dir = new TempDir();

        var result = CliRun.InProcess("review", "add", "--agency", "某局", "--kind", "review", "--filed", "2025-03-01", "--outcome", "upheld", "--db", dir.File("g.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("没有审结日期", result.Error, StringComparison.Ordinal);
    }
}
