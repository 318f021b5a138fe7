using System.Text;

namespace Gongkai.Cli.Tests;

/// <summary><c>gongkai cases import</c> and <c>gongkai review add</c> through their use cases: what a person sees on success and refusal.</summary>
public class CasesAndReviewCommandTests
{
    private const string Header = "收到日期,申请人类型,申请人,办结日期,办理结果\n";

    [Fact]
    public void CasesImport_GoodLedger_SaysHowManyAndHowManyOpen_BadLedger_ListsEveryRowImportsNothing()
    {
        using var dir = new TempDir();
        string[] db = ["--db", dir.File("g.db")];
        Assert.Equal(0, CliRun.InProcess(["agencies", "add", "--code", "wjj", "--name", "示范县卫生健康局", "--kind", "department", .. db]).ExitCode);
        var bad = dir.File("bad.csv");
        File.WriteAllText(bad, Header + "2025-03-03,个人,张三,2025-03-20,予以公开\n2025-03-04,自然人,李四,2025-03-21,随便\n", new UTF8Encoding(true));
        var good = dir.File("good.csv");
        File.WriteAllText(good, Header + "2025-03-03,自然人,张三,2025-03-20,予以公开\n2025-03-04,自然人,李四,,\n", new UTF8Encoding(true));

        var refused = CliRun.InProcess(["cases", "import", bad, "--agency", "wjj", .. db]);
        var imported = CliRun.InProcess(["cases", "import", good, "--agency", "wjj", "--by", "李四", .. db]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Empty(refused.Out);
        var lines = refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"错误：{bad} 有2处问题，整个文件未导入：", lines[0]);
        Assert.StartsWith("第2行 申请人类型：", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("第3行 办理结果：", lines[2], StringComparison.Ordinal);
        Assert.Equal(0, imported.ExitCode);
        Assert.Equal("已导入 2 件申请到“示范县卫生健康局”，其中在办 1 件。", imported.Out.Trim());
    }

    [Fact]
    public async Task ReviewAdd_ConcludedReview_RecordedAndCounted_UnknownCase_ExitsTwo()
    {
        using var dir = new TempDir();
        var file = dir.File("g.db");
        string[] db = ["--db", file];
        Assert.Equal(0, CliRun.InProcess(["agencies", "add", "--code", "wjj", "--name", "示范县卫生健康局", "--kind", "department", .. db]).ExitCode);

        var added = CliRun.InProcess(["review", "add", "--agency", "wjj", "--kind", "review", "--filed", "2025-03-01", "--outcome", "upheld", "--concluded", "2025-05-01", .. db]);
        var unknown = CliRun.InProcess(["review", "add", "--agency", "wjj", "--kind", "litigation-direct", "--filed", "2025-03-01", "--case", "2025-999", .. db]);

        Assert.Equal(0, added.ExitCode);
        Assert.Equal("已登记行政复议（2025-03-01，结果维持）", added.Out.Trim());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("错误：示范县卫生健康局没有申请编号为 2025-999 的案件", unknown.Error.Trim());
        await using var context = Gongkai.Data.DatabaseSettings.SqliteFile(file).Open();
        Assert.Equal(1, context.ReviewLitigation.Count());
    }
}
