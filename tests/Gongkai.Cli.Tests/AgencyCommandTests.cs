using Gongkai.Data;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

/// <summary><c>gongkai agencies …</c>: the government's tree, on both databases.</summary>
public class AgencyCommandTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public void Tree_AddMoveRenameArchive_ListShowsTheTreeIndented(DatabaseProvider provider)
    {
        using var dir = new TempDir();
        var db = Database(provider, dir);

        Ok(db, "agencies", "add", "--code", "sfx", "--name", "示范县人民政府", "--kind", "government", "--uscc", "11330000002482034Y");
        Ok(db, "agencies", "add", "--code", "wjj", "--name", "县卫生健康局", "--kind", "department", "--parent", "sfx");
        Ok(db, "agencies", "add", "--code", "jyj", "--name", "县教育局", "--kind", "department", "--parent", "示范县人民政府");
        Ok(db, "agencies", "add", "--code", "cgz", "--name", "城关镇人民政府", "--kind", "town", "--parent", "sfx");
        var added = Ok(db, "agencies", "add", "--code", "jkzx", "--name", "县疾病预防控制中心", "--kind", "other", "--parent", "jyj");
        var moved = Ok(db, "agencies", "move", "jkzx", "--parent", "wjj");
        var renamed = Ok(db, "agencies", "rename", "wjj", "--name", "示范县卫生健康局");
        var archived = Ok(db, "agencies", "archive", "城关镇人民政府");

        Assert.Contains("已新建机关“县疾病预防控制中心”（jkzx，其他），上级机关：jyj。", added.Out, StringComparison.Ordinal);
        Assert.Contains("移到“wjj”之下", moved.Out, StringComparison.Ordinal);
        Assert.Contains("已把“县卫生健康局”改名为“示范县卫生健康局”（wjj，政府部门）。", renamed.Out, StringComparison.Ordinal);
        Assert.Contains("已归档“城关镇人民政府”（cgz，乡镇街道）", archived.Out, StringComparison.Ordinal);
        Assert.Equal(
            [
                "sfx\t示范县人民政府\t人民政府",
                "  wjj\t示范县卫生健康局\t政府部门",
                "    jkzx\t县疾病预防控制中心\t其他",
                "  jyj\t县教育局\t政府部门",
                "  cgz\t城关镇人民政府\t乡镇街道\t（已归档）",
            ],
            Lines(Ok(db, "agencies", "list").Out));

        // --agency takes the code as well as the name.
        Ok(db, "documents", "add", "--agency", "wjj", "--kind", "规范性文件", "--title", "某办法", "--issued", "2025-03-01");
        Assert.Contains("某办法", Ok(db, "documents", "list", "--agency", "示范县卫生健康局").Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Refusals_ExitTwoWithTheReason_AndChangeNothing(DatabaseProvider provider)
    {
        using var dir = new TempDir();
        var db = Database(provider, dir);
        Ok(db, "agencies", "add", "--code", "sfx", "--name", "示范县人民政府", "--kind", "government");
        Ok(db, "agencies", "add", "--code", "wjj", "--name", "县卫生健康局", "--kind", "department", "--parent", "sfx");
        Ok(db, "agencies", "add", "--code", "jkzx", "--name", "县疾病预防控制中心", "--kind", "other", "--parent", "wjj");
        Ok(db, "documents", "add", "--agency", "jkzx", "--kind", "规范性文件", "--title", "某办法", "--issued", "2025-03-01");
        var before = Ok(db, "agencies", "list").Out;

        (string[] Args, string Message)[] refused =
        [
            (["agencies", "add", "--code", "WJJ", "--name", "县教育局", "--kind", "department"], "机关代码“WJJ”：只能使用小写字母、数字和连字符（“W”不可用）"),
            (["agencies", "add", "--code", "j", "--name", "县教育局", "--kind", "department"], "机关代码“j”：应为2至20位，现为1位"),
            (["agencies", "add", "--code", "wjj", "--name", "县教育局", "--kind", "department"], "机关代码“wjj”已由“县卫生健康局”使用"),
            (["agencies", "add", "--code", "jyj", "--name", "县卫生健康局", "--kind", "department"], "已有名为“县卫生健康局”的机关"),
            (["agencies", "add", "--code", "jyj", "--name", "县教育局", "--kind", "bureau"], "机关类别“bureau”无效"),
            (["agencies", "add", "--code", "jyj", "--name", "县教育局", "--kind", "department", "--uscc", "11330000002482034X"], "统一社会信用代码：统一社会信用代码的校验位不符"),
            (["agencies", "add", "--code", "jyj", "--name", "县教育局", "--kind", "department", "--parent", "xxx"], "上级机关：数据库中没有机关“xxx”"),
            (["agencies", "move", "wjj", "--parent", "jkzx"], "“县疾病预防控制中心”是“县卫生健康局”的下级机关，不能把机关移到它自己的下级之下"),
            (["agencies", "move", "wjj", "--parent", "wjj"], "不能把“县卫生健康局”移到它自己之下"),
            (["agencies", "move", "wjj"], "请用 --parent 指定新的上级机关，或用 --root 移到顶层"),
            (["agencies", "rename", "wjj", "--name", "示范县人民政府"], "已有名为“示范县人民政府”的机关"),
            (["agencies", "remove", "jkzx"], "机关“县疾病预防控制中心”已有1件规章和规范性文件，不能删除，请改为归档"),
            (["agencies", "remove", "wjj"], "机关“县卫生健康局”已有1个下级机关，不能删除，请改为归档"),
            (["agencies", "archive", "wjj"], "“县卫生健康局”下还有未归档的下级机关（县疾病预防控制中心）"),
            (["agencies", "archive", "xx局"], "数据库中没有机关“xx局”"),
        ];
        foreach (var (args, message) in refused)
        {
            var result = CliRun.InProcess([.. args, .. db]);
            Assert.True(result.ExitCode == 2, $"gongkai {string.Join(' ', args)} → {result.ExitCode}: {result.Out}{result.Error}");
            Assert.Contains(message, result.Error, StringComparison.Ordinal);
            Assert.Empty(result.Out);
        }

        Assert.Equal(before, Ok(db, "agencies", "list").Out);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void RemoveAnEmptyAgency_ArchiveThenRestore_MoveToRoot(DatabaseProvider provider)
    {
        using var dir = new TempDir();
        var db = Database(provider, dir);
        Ok(db, "agencies", "add", "--code", "sfx", "--name", "示范县人民政府", "--kind", "government");
        Ok(db, "agencies", "add", "--code", "wjj", "--name", "县卫生健康局", "--kind", "department", "--parent", "sfx");
        Ok(db, "agencies", "add", "--code", "typo", "--name", "县卫生建康局", "--kind", "department", "--parent", "sfx");

        Assert.Contains("已删除机关“县卫生建康局”（typo，政府部门）", Ok(db, "agencies", "remove", "typo").Out, StringComparison.Ordinal);
        Ok(db, "agencies", "archive", "wjj");
        var underArchived = CliRun.InProcess(["agencies", "add", "--code", "jkzx", "--name", "县疾控中心", "--kind", "other", "--parent", "wjj", .. db]);
        Ok(db, "agencies", "restore", "wjj");
        Ok(db, "agencies", "move", "wjj", "--root");

        Assert.Equal(2, underArchived.ExitCode);
        Assert.Contains("上级机关：“县卫生健康局”已归档", underArchived.Error, StringComparison.Ordinal);
        Assert.Equal(["sfx\t示范县人民政府\t人民政府", "wjj\t县卫生健康局\t政府部门"], Lines(Ok(db, "agencies", "list").Out));
    }

    private static string[] Database(DatabaseProvider provider, TempDir dir) =>
        provider == DatabaseProvider.Sqlite ? ["--db", dir.File("g.db")] : ["--connection", PostgresServer.Instance.CreateDatabase().ConnectionString];

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    private static CliResult Ok(string[] db, params string[] args)
    {
        var result = CliRun.InProcess([.. args, .. db]);
        Assert.True(result.ExitCode == 0, $"gongkai {string.Join(' ', args)} → {result.ExitCode}: {result.Error}");
        return result;
    }
}
