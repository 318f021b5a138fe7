namespace Gongkai.Cli.Tests;

/// <summary>Every date option of the command line reads dates with the one parser and refuses a bad one the same way.</summary>
public class DateOptionTests
{
    [Theory]
    [InlineData("--today", "catalog", "list", "--agency", "某局")]
    [InlineData("--on", "catalog", "publish", "X-1", "--agency", "某局", "--by", "张三")]
    [InlineData("--generated", "catalog", "add", "--agency", "某局", "--title", "t", "--summary", "s", "--category", "art20-05")]
    [InlineData("--on", "documents", "repeal", "1", "--agency", "某局")]
    [InlineData("--published", "documents", "add", "--agency", "某局", "--kind", "规章", "--title", "t", "--issued", "2025-01-02")]
    [InlineData("--concluded", "review", "add", "--agency", "某局", "--kind", "review", "--filed", "2025-03-01")]
    public void ABadDate_ExitsTwoNamingTheOptionAndTheText_AndOpensNoDatabase(string option, params string[] command)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gongkai-date-{Guid.NewGuid():N}.db");
        var result = CliRun.InProcess([.. command, option, "2025-02-30", "--db", file]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"错误：{option} 日期“2025-02-30”无效，应为 YYYY-MM-DD", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void AChineseDate_IsReadByTheSameParser()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gongkai-date-{Guid.NewGuid():N}.db");
        Assert.Equal(0, CliRun.InProcess("agencies", "add", "--code", "mj", "--name", "某局", "--kind", "department", "--db", file).ExitCode);

        var result = CliRun.InProcess("documents", "list", "--agency", "某局", "--on", "2025年9月26日", "--db", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("截至 2025-09-26", result.Error, StringComparison.Ordinal);
        File.Delete(file);
    }
}
