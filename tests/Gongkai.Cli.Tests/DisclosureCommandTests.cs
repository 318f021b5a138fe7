using System.Text;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

public class DisclosureCommandTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public void DoneWhen_DraftReviewPublishSearchAndReport(DatabaseProvider provider)
    {
        using var dir = new TempDir();
        string[] db = provider == DatabaseProvider.Sqlite ? ["--db", dir.File("g.db")] : ["--connection", PostgresServer.Instance.CreateDatabase().ConnectionString];
        const string Agency = "示范区卫生健康局";
        Run(db, "agencies", "add", "--code", "wjj", "--name", Agency, "--kind", "department");

        var settings = Run(db, "catalog", "settings", "--agency", Agency, "--review-chain", "保密审查:保密审查员 → 主要负责人签发:主要负责人");
        var added = Run(db, "catalog", "add", "--agency", Agency, "--title", "示范区卫生健康局关于公布2025年医疗机构校验结果的公告",
            "--summary", "公布校验结果", "--generated", "2025-09-26", "--category", "art20-05", "--channels", "website,gazette");
        var index = added.Out.Trim();
        var submitted = Run(db, "catalog", "submit", index, "--agency", Agency, "--by", "李四");
        var wrong = CliRun.InProcess(["catalog", "approve", index, "--agency", Agency, "--by", "张局长", "--role", "主要负责人", .. db]);
        var secrecy = Run(db, "catalog", "approve", index, "--agency", Agency, "--by", "王保密", "--role", "保密审查员");
        var signed = Run(db, "catalog", "approve", index, "--agency", Agency, "--by", "张局长");
        var published = Run(db, "catalog", "publish", index, "--agency", Agency, "--by", "李四", "--on", "2025-10-09");
        var found = Run(db, "catalog", "search", "校验");
        Run(db, "documents", "add", "--agency", Agency, "--kind", "规范性文件", "--title", "示范区医疗机构校验管理办法", "--issued", "2025-03-01", "--published", "2025-03-05");
        Run(db, "article20", "set", "--agency", Agency, "--year", "2025", "--row", "行政许可", "--decisions", "603");
        Run(db, "article20", "set", "--agency", Agency, "--year", "2025", "--row", "行政事业性收费", "--amount", "12345.6");
        var report = Run(db, "report", "build", "--agency", Agency, "--year", "2025");

        Assert.Contains("保密审查:保密审查员 → 主要负责人签发:主要负责人 → 办公室发布", settings.Out, StringComparison.Ordinal);
        Assert.Matches(@"^wjj/2025-00001$", index);
        Assert.Contains("待“保密审查”", submitted.Out, StringComparison.Ordinal);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("须由“保密审查员”审核", wrong.Error, StringComparison.Ordinal);
        Assert.Contains("待“主要负责人签发”", secrecy.Out, StringComparison.Ordinal);
        Assert.Contains("审核通过", signed.Out, StringComparison.Ordinal);
        Assert.Contains("已发布（2025-10-09，政府公报、政府网站）", published.Out, StringComparison.Ordinal);
        Assert.StartsWith(index + "\t示范区卫生健康局关于公布2025年医疗机构校验结果的公告", found.Out, StringComparison.Ordinal);
        Assert.Contains("共1条", found.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(report.Out);
        var article20 = json.RootElement.GetProperty("article20");
        Assert.Equal(1, article20.GetProperty("normativeDocuments").GetProperty("issued").GetInt32());
        Assert.Equal(1, article20.GetProperty("normativeDocuments").GetProperty("inForce").GetInt32());
        Assert.Equal(603, article20.GetProperty("administrativeLicensing").GetProperty("decisions").GetInt32());
        Assert.Equal(1.2346m, article20.GetProperty("administrativeFees").GetProperty("amountTenThousandYuan").GetDecimal());
        var overview = json.RootElement.GetProperty("sections").GetProperty("overview").GetString();
        Assert.Contains("主动公开政府信息1条，包括：行政许可和对外管理服务1条。通过不同渠道和方式发布政府信息情况：通过政府公报发布信息1条，通过政府网站发布信息1条。", overview, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_WithoutReason_ExitsTwo_AndListShowsOverdue()
    {
        using var dir = new TempDir();
        string[] db = ["--db", dir.File("g.db")];
        Run(db, "agencies", "add", "--code", "jj", "--name", "甲局", "--kind", "department");
        var index = Run(db, "catalog", "add", "--agency", "甲局", "--title", "某通知", "--summary", "概述", "--generated", "2025-09-01", "--category", "art20-01").Out.Trim();
        Run(db, "catalog", "submit", index, "--agency", "甲局", "--by", "李四");

        var refused = CliRun.InProcess(["catalog", "refuse", index, "--agency", "甲局", "--by", "王保密", .. db]);
        var list = Run(db, "catalog", "list", "--agency", "甲局", "--overdue", "--today", "2025-10-09");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("退回时须说明理由", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"{index}\t某通知\t法规文件\t审核中（保密审查）\t2025-09-01\t2025-09-28\t\t逾期", list.Out, StringComparison.Ordinal);
        Assert.Contains("1条已超过第二十六条规定的公开期限", list.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Article20Import_BadRows_RefusesTheWholeFileNamingEachRow()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var dir = new TempDir();
        var file = dir.File("figures.csv");
        File.WriteAllBytes(file, Encoding.GetEncoding("GB18030").GetBytes("年度,事项,项目数量,处理决定数量\r\n2025,行政许可,40,7646\r\n2025,行政处罚,257,七\r\n2025,行政审批,1,1\r\n"));

        Run(["--db", dir.File("g.db")], "agencies", "add", "--code", "jj", "--name", "甲局", "--kind", "department");
        var result = CliRun.InProcess("article20", "import", file, "--agency", "甲局", "--db", dir.File("g.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("第3行 处理决定数量：“七”不是非负整数", result.Error, StringComparison.Ordinal);
        Assert.Contains("第4行 事项：“行政审批”不是第二十条统计事项", result.Error, StringComparison.Ordinal);
        Assert.Contains("整个文件未导入", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Article20Import_TwoYears_Gives2019FormatChange()
    {
        using var dir = new TempDir();
        var file = dir.File("figures.csv");
        File.WriteAllText(file, "年度,事项,项目数量,处理决定数量,采购项目数量,金额（元）\n2019,行政许可,11,,,\n2020,行政许可,12,5825,,\n2020,政府集中采购,,,39,3487.1万元\n", new UTF8Encoding(true));
        string[] db = ["--db", dir.File("g.db")];
        Run(db, "agencies", "add", "--code", "jj", "--name", "甲局", "--kind", "department");

        var imported = Run(db, "article20", "import", file, "--agency", "甲局");
        var report = Run(db, "report", "build", "--agency", "甲局", "--year", "2020");

        Assert.Contains("已导入3行（2019、2020年）", imported.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(report.Out);
        var licensing = json.RootElement.GetProperty("article20").GetProperty("administrativeLicensing");
        Assert.Equal(11, licensing.GetProperty("previousYearItems").GetInt32());
        Assert.Equal(1, licensing.GetProperty("change").GetInt32());
        Assert.Equal(5825, licensing.GetProperty("decisions").GetInt32());
        Assert.Equal(34871000m, json.RootElement.GetProperty("article20").GetProperty("centralizedProcurement").GetProperty("totalAmountYuan").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Documents_ListUpdateRepeal_ListedAndCountedInReport(DatabaseProvider provider)
    {
        using var dir = new TempDir();
        string[] db = provider == DatabaseProvider.Sqlite ? ["--db", dir.File("g.db")] : ["--connection", PostgresServer.Instance.CreateDatabase().ConnectionString];
        Run(db, "agencies", "add", "--code", "jj", "--name", "甲局", "--kind", "department");
        Run(db, "documents", "add", "--agency", "甲局", "--kind", "规范性文件", "--title", "医疗机构校验管理办法", "--issued", "2023-03-01", "--published", "2023-03-05");
        Run(db, "documents", "add", "--agency", "甲局", "--kind", "规章", "--title", "某规定", "--issued", "2025-04-01");

        var listed = Run(db, "documents", "list", "--agency", "甲局", "--on", "2025-10-09");
        var id = listed.Out.Split('\n')[2].Split('\t')[0]; // the older one, second row after the header
        var updated = Run(db, "documents", "update", id, "--agency", "甲局", "--doc-number", "甲卫规〔2023〕1号", "--title", "医疗机构校验管理办法（2023年）");
        var repealed = Run(db, "documents", "repeal", id, "--agency", "甲局", "--on", "2025-06-30");
        var inForce = Run(db, "documents", "list", "--agency", "甲局", "--in-force", "--on", "2025-10-09");
        var all = Run(db, "documents", "list", "--agency", "甲局", "--kind", "规范性文件", "--on", "2025-10-09");
        var report = Run(db, "report", "build", "--agency", "甲局", "--year", "2025");

        Assert.StartsWith("编号\t类别\t名称\t文号\t制发日期\t公开日期\t废止日期\t状态", listed.Out, StringComparison.Ordinal);
        Assert.Contains("\t规章\t某规定\t\t2025-04-01\t\t\t现行有效", listed.Out, StringComparison.Ordinal);
        Assert.Contains("已更正规范性文件：医疗机构校验管理办法（2023年）", updated.Out, StringComparison.Ordinal);
        Assert.Contains("已废止规范性文件：医疗机构校验管理办法（2023年）（2025-06-30）", repealed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("医疗机构校验管理办法", inForce.Out, StringComparison.Ordinal);
        Assert.Contains("共1件", inForce.Error, StringComparison.Ordinal);
        Assert.Contains($"{id}\t规范性文件\t医疗机构校验管理办法（2023年）\t甲卫规〔2023〕1号\t2023-03-01\t2023-03-05\t2025-06-30\t已废止", all.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(report.Out);
        var documents = json.RootElement.GetProperty("article20").GetProperty("normativeDocuments");
        Assert.Equal(1, documents.GetProperty("repealed").GetInt32());
        Assert.Equal(0, documents.GetProperty("inForce").GetInt32());
    }

    [Fact]
    public void Documents_BadInput_Exit2NamingTheOption_NothingWritten()
    {
        using var dir = new TempDir();
        string[] db = ["--db", dir.File("g.db")];
        Run(db, "agencies", "add", "--code", "jj", "--name", "甲局", "--kind", "department");
        Run(db, "documents", "add", "--agency", "甲局", "--kind", "规范性文件", "--title", "医疗机构校验管理办法", "--issued", "2025-03-01");
        var id = Run(db, "documents", "list", "--agency", "甲局").Out.Split('\n')[1].Split('\t')[0];

        var badDate = CliRun.InProcess(["documents", "update", id, "--agency", "甲局", "--published", "2025-02-30", .. db]);
        var beforeIssue = CliRun.InProcess(["documents", "update", id, "--agency", "甲局", "--published", "2025-02-01", .. db]);
        var repealEarly = CliRun.InProcess(["documents", "repeal", id, "--agency", "甲局", "--on", "2025-01-01", .. db]);
        var badKind = CliRun.InProcess(["documents", "list", "--agency", "甲局", "--kind", "通知", .. db]);
        var missing = CliRun.InProcess(["documents", "repeal", "999", "--agency", "甲局", "--on", "2025-06-01", .. db]);
        Run(db, "documents", "repeal", id, "--agency", "甲局", "--on", "2025-06-01");
        var twice = CliRun.InProcess(["documents", "repeal", id, "--agency", "甲局", "--on", "2025-07-01", .. db]);
        var list = Run(db, "documents", "list", "--agency", "甲局", "--on", "2025-10-09");

        Assert.Equal((2, 2, 2, 2, 2, 2), (badDate.ExitCode, beforeIssue.ExitCode, repealEarly.ExitCode, badKind.ExitCode, missing.ExitCode, twice.ExitCode));
        Assert.Contains("--published 日期“2025-02-30”无效", badDate.Error, StringComparison.Ordinal);
        Assert.Contains("公开日期早于制发日期", beforeIssue.Error, StringComparison.Ordinal);
        Assert.Contains("废止日期早于制发日期", repealEarly.Error, StringComparison.Ordinal);
        Assert.Contains("--kind “通知”无效", badKind.Error, StringComparison.Ordinal);
        Assert.Contains("没有编号为 999 的文件", missing.Error, StringComparison.Ordinal);
        Assert.Contains("已于2025-06-01废止，不能再次废止", twice.Error, StringComparison.Ordinal);
        Assert.Contains("\t2025-03-01\t\t2025-06-01\t已废止", list.Out, StringComparison.Ordinal); // no 公开日期 stored, the first 废止日期 kept
    }

    [Fact]
    public void Documents_Help_DescribesTheSubcommands()
    {
        var help = CliRun.InProcess("documents", "--help");
        var repeal = CliRun.InProcess("documents", "repeal", "--help");

        Assert.Equal((0, 0), (help.ExitCode, repeal.ExitCode));
        Assert.Contains("list", help.Out, StringComparison.Ordinal);
        Assert.Contains("update", help.Out, StringComparison.Ordinal);
        Assert.Contains("不得早于制发日期", repeal.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EditAndAttach_ReturnedDraft_CorrectedWithAFile_ThenInReviewRefused(DatabaseProvider provider)
    {
        using var dir = new TempDir();
        string[] db = provider == DatabaseProvider.Sqlite ? ["--db", dir.File("g.db")] : ["--connection", PostgresServer.Instance.CreateDatabase().ConnectionString];
        const string Agency = "示范区卫生健康局";
        Run(db, "agencies", "add", "--code", "wjj", "--name", Agency, "--kind", "department");
        var index = Run(db, "catalog", "add", "--agency", Agency, "--title", "医疗机构校验结果", "--summary", "校验结果", "--generated", "2025-09-26", "--category", "art20-05").Out.Trim();
        Run(db, "catalog", "submit", index, "--agency", Agency, "--by", "李四");
        Run(db, "catalog", "refuse", index, "--agency", Agency, "--by", "王保密", "--reason", "请附名单");
        File.WriteAllText(dir.File("名单.pdf"), "%PDF-1.4\n%%EOF\n");
        File.WriteAllText(dir.File("名单.exe"), "MZ");

        var bad = CliRun.InProcess(["catalog", "attach", index, dir.File("名单.pdf"), dir.File("名单.exe"), "--agency", Agency, "--by", "李四", .. db]);
        var badDate = CliRun.InProcess(["catalog", "edit", index, "--agency", Agency, "--by", "李四", "--generated", "2025-13-01", .. db]);
        var attached = Run(db, "catalog", "attach", index, dir.File("名单.pdf"), "--agency", Agency, "--by", "李四");
        var edited = Run(db, "catalog", "edit", index, "--agency", Agency, "--by", "李四", "--title", "2025年医疗机构校验结果的公告", "--channels", "website,gazette");
        var list = Run(db, "catalog", "list", "--agency", Agency);
        Run(db, "catalog", "submit", index, "--agency", Agency, "--by", "李四");
        var inReview = CliRun.InProcess(["catalog", "edit", index, "--agency", Agency, "--by", "李四", "--title", "又改", .. db]);
        var attachInReview = CliRun.InProcess(["catalog", "attach", index, dir.File("名单.pdf"), "--agency", Agency, "--by", "李四", .. db]);
        var unknownEdit = CliRun.InProcess(["catalog", "edit", "wjj/2025-09999", "--agency", Agency, "--by", "李四", "--title", "改", .. db]);
        var unknownAttach = CliRun.InProcess(["catalog", "attach", "wjj/2025-09999", dir.File("名单.pdf"), "--agency", Agency, "--by", "李四", .. db]);

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("附件“名单.exe”的格式不能发布", bad.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("已添加附件", bad.Error, StringComparison.Ordinal); // all or none: the good file was not stored either (the next attach of it succeeds)
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--generated 日期“2025-13-01”无效", badDate.Error, StringComparison.Ordinal);
        Assert.Contains("已添加附件：名单.pdf", attached.Error, StringComparison.Ordinal);
        Assert.Contains("已修改：" + index + " 2025年医疗机构校验结果的公告", edited.Error, StringComparison.Ordinal);
        Assert.Contains("2025年医疗机构校验结果的公告", list.Out, StringComparison.Ordinal);
        Assert.Equal(2, inReview.ExitCode);
        Assert.Contains("审核中的信息不能修改", inReview.Error, StringComparison.Ordinal);
        Assert.Equal((2, "错误：审核中的信息不能添加附件；审核中的信息须先退回"), (attachInReview.ExitCode, attachInReview.Error.Trim()));
        Assert.Equal((2, "错误：没有索引号为 wjj/2025-09999 的信息"), (unknownEdit.ExitCode, unknownEdit.Error.Trim()));
        Assert.Equal((2, "错误：没有索引号为 wjj/2025-09999 的信息"), (unknownAttach.ExitCode, unknownAttach.Error.Trim()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryDataCommand_MistypedAgency_Exit2NamingIt_DatabaseUnchanged(DatabaseProvider provider)
    {
        using var dir = new TempDir();
        string[] db = provider == DatabaseProvider.Sqlite ? ["--db", dir.File("g.db")] : ["--connection", PostgresServer.Instance.CreateDatabase().ConnectionString];
        const string Agency = "示范区卫生健康局";
        const string Typo = "示范区卫生建康局";
        Run(db, "agencies", "add", "--code", "wjj", "--name", Agency, "--kind", "department");
        var index = Run(db, "catalog", "add", "--agency", Agency, "--title", "某通知", "--summary", "概述", "--generated", "2025-09-01", "--category", "art20-01").Out.Trim();
        Run(db, "documents", "add", "--agency", Agency, "--kind", "规范性文件", "--title", "某办法", "--issued", "2025-03-01");
        var pdf = dir.File("名单.pdf");
        File.WriteAllBytes(pdf, Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        var csv = dir.File("figures.csv");
        File.WriteAllText(csv, "年度,事项,项目数量,处理决定数量\n2025,行政许可,40,7646\n", new UTF8Encoding(true));
        var ledger = dir.File("ledger.csv");
        File.WriteAllText(ledger, "收到日期,申请人类型,申请人,办结日期,办理结果\n2025-03-03,自然人,张三,2025-03-20,予以公开\n", new UTF8Encoding(true));
        var before = Run(db, "agencies", "list").Out + Run(db, "catalog", "list", "--agency", Agency).Out + Run(db, "documents", "list", "--agency", Agency).Out;
        string[][] commands =
        [
            ["catalog", "add", "--agency", Typo, "--title", "某通知", "--summary", "概述", "--generated", "2025-09-01", "--category", "art20-01"],
            ["catalog", "edit", index, "--agency", Typo, "--by", "李四", "--title", "改"],
            ["catalog", "attach", index, pdf, "--agency", Typo, "--by", "李四"],
            ["catalog", "submit", index, "--agency", Typo, "--by", "李四"],
            ["catalog", "approve", index, "--agency", Typo, "--by", "王保密"],
            ["catalog", "refuse", index, "--agency", Typo, "--by", "王保密", "--reason", "不行"],
            ["catalog", "publish", index, "--agency", Typo, "--by", "李四"],
            ["catalog", "withdraw", index, "--agency", Typo, "--by", "李四", "--reason", "错"],
            ["catalog", "list", "--agency", Typo],
            ["catalog", "search", "通知", "--agency", Typo],
            ["catalog", "settings", "--agency", Typo, "--separate-duties", "true"],
            ["documents", "add", "--agency", Typo, "--kind", "规章", "--title", "某规定", "--issued", "2025-04-01"],
            ["documents", "list", "--agency", Typo],
            ["documents", "update", "1", "--agency", Typo, "--title", "改"],
            ["documents", "repeal", "1", "--agency", Typo, "--on", "2025-06-01"],
            ["documents", "remove", "1", "--agency", Typo],
            ["article20", "set", "--agency", Typo, "--year", "2025", "--row", "行政许可", "--decisions", "603"],
            ["article20", "import", csv, "--agency", Typo],
            ["cases", "import", ledger, "--agency", Typo, "--by", "李四"],
            ["review", "add", "--agency", Typo, "--kind", "review", "--filed", "2025-03-01", "--outcome", "upheld", "--concluded", "2025-05-01"],
        ];

        foreach (var command in commands)
        {
            var result = CliRun.InProcess([.. command, .. db]);
            Assert.True(result.ExitCode == 2, $"gongkai {string.Join(' ', command)} → {result.ExitCode}: {result.Out}{result.Error}");
            Assert.Contains($"数据库中没有机关“{Typo}”（已有：{Agency}）", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, Run(db, "agencies", "list").Out + Run(db, "catalog", "list", "--agency", Agency).Out + Run(db, "documents", "list", "--agency", Agency).Out);
        var again = CliRun.InProcess(["agencies", "add", "--code", "wjj2", "--name", Agency, "--kind", "department", .. db]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("已有名为“示范区卫生健康局”的机关", again.Error, StringComparison.Ordinal);
    }

    private static CliResult Run(string[] db, params string[] args)
    {
        var result = CliRun.InProcess([.. args, .. db]);
        Assert.True(result.ExitCode == 0, $"gongkai {string.Join(' ', args)} → {result.ExitCode}: {result.Error}");
        return result;
    }
}
