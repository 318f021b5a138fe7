using Gongkai.Documents.Reading;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>The audit: narrative against tables, completeness, Art. 49 timeliness, cross-year rules, copying.</summary>
public sealed class AuditTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Seed(string n) => File.ReadAllText(Paths.Seed(n));

    private static ImportedReport Read(string text, ImportOptions? options = null) => new ReportImporter(options).ReadText("sample.txt", text);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Audit_SeedsAsPublished_NoNarrativeFigureFinding()
    {
        foreach (var n in new[] { "000", "001", "002", "003", "004" })
        {
            Assert.DoesNotContain(new ReportImporter().ReadFile(Paths.Seed(n)).Findings, f => f.Rule == ImportRules.NarrativeFigure);
        }
    }

    [Fact]
    public void Audit_TextStatesOtherCountThanTable_FindingWithLineAndCell()
    {
        var imported = Read(Seed("000").Replace("信息公开申请数量为5件", "信息公开申请数量为6件", StringComparison.Ordinal));
        var finding = Assert.Single(imported.Findings, f => f.Rule == ImportRules.NarrativeFigure);
        Assert.Contains("applications.received.total", finding.Location);
        Assert.Contains("source:line 28", finding.Location);
        Assert.Contains("source:line 127", finding.Location);
        Assert.Contains("6件", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("同意公开三件", false)]
    [InlineData("同意公开四件", true)]
    public void Audit_ChineseNumerals_ComparedWithTable(string stated, bool expectFinding)
    {
        var imported = Read(Seed("000").Replace("同意公开3件", stated, StringComparison.Ordinal));
        Assert.Equal(expectFinding, imported.Findings.Any(f => f.Rule == ImportRules.NarrativeFigure && f.Location.Contains("applications.granted.total")));
    }

    [Fact]
    public void Audit_ReviewStatedButTableSaysNone_Finding()
    {
        var imported = Read(Seed("001").Replace("引发行政复议 0 件", "引发行政复议 2 件", StringComparison.Ordinal));
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.NarrativeFigure && f.Location.Contains("reviewLitigation.review.total"));
    }

    [Fact]
    public void Audit_PlaceholderLeftIn_FindingWithLine()
    {
        var imported = Read(Seed("000").Replace("2019年，龙岗区卫生健康局认真贯彻", "2019年，XX局认真贯彻", StringComparison.Ordinal));
        var finding = Assert.Single(imported.Findings, f => f.Rule == ImportRules.Placeholder);
        Assert.Equal(["sections.overview", "source:line 8"], finding.Location);
    }

    [Fact]
    public void Audit_PartFiveSaysNothing_Finding()
    {
        var text = Seed("002");
        var start = text.IndexOf("2019年，我局信息公开工作虽然", StringComparison.Ordinal);
        var end = text.IndexOf("六、其他需要报告的事项", StringComparison.Ordinal);
        var imported = Read(text[..start] + "无。\n" + text[end..]);
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.SectionEmpty && f.Location.Contains("sections.problems"));
    }

    [Fact]
    public void Audit_MissingPartHeading_Finding()
    {
        var finding = Assert.Single(new ReportImporter().ReadFile(Paths.Seed("003")).Findings, f => f.Rule == ImportRules.SectionMissing);
        Assert.Equal(["sections.reviewLitigation"], finding.Location);
    }

    [Fact]
    public void Audit_DepartmentPublishedAfter31January_TimelinessError()
    {
        var late = Seed("000").Replace("2020年1月7日", "2020年2月7日", StringComparison.Ordinal);
        var finding = Assert.Single(Read(late).Findings, f => f.Rule == ImportRules.Timeliness);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("source:line 430", finding.Location);
        Assert.DoesNotContain(Read(Seed("000")).Findings, f => f.Rule == ImportRules.Timeliness);

        // The classification is overridable: as a government, 31 March applies.
        var asGovernment = new ImportOptions { AgencyLevel = _ => AgencyLevel.Government };
        Assert.DoesNotContain(Read(late, asGovernment).Findings, f => f.Rule == ImportRules.Timeliness);
    }

    [Fact]
    public void AgencyLevels_ByName_GovernmentWhenNameHasZhengfu()
    {
        Assert.Equal(AgencyLevel.Government, AgencyLevels.ByName("青山区人民政府"));
        Assert.Equal(AgencyLevel.Department, AgencyLevels.ByName("番禺区卫生健康局"));
        Assert.Equal(new DateOnly(2022, 3, 31), AgencyLevel.Government.Deadline(2021));
        Assert.Equal(new DateOnly(2022, 1, 31), AgencyLevel.Department.Deadline(2021));
    }

    [Fact]
    public void ReadFiles_TwoYearsOfOneAgency_CarryoverContinuityAndCopying()
    {
        var current = Seed("001");
        var previous = current
            .Replace("番禺区卫生健康局 2020 年", "番禺区卫生健康局 2019 年", StringComparison.Ordinal)
            .Replace("2021年1月18日", "2020年1月18日", StringComparison.Ordinal)
            .Replace("四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0", "四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2", StringComparison.Ordinal);
        var files = new[] { Write("2020.md", current), Write("2019.md", previous) };
        var reports = new ReportImporter().ReadFiles(files);
        Assert.Equal(2019, reports[1].Report!.Year);
        var continuity = reports[0].Findings.Where(f => f.Rule == ReportChecker.CarryoverContinuityRule).ToList();
        Assert.Equal(2, continuity.Count);
        Assert.Contains(continuity, f => f.Location.Contains("2020:applications.carriedOver.naturalPerson") && f.Location.Contains("source:line 52"));
        var copy = reports[0].Findings.Where(f => f.Rule == ImportRules.Copying).ToList();
        Assert.Contains(copy, f => f.Location.Contains("sections.problems") && f.Message.Contains("上一年度", StringComparison.Ordinal));
        Assert.DoesNotContain(reports[1].Findings, f => f.Rule == ImportRules.Copying);
    }

    [Fact]
    public void ReadFiles_PeerNarrativeRepeated_BothFlagged()
    {
        var own = Seed("000");
        var peer = own.Replace("深圳市龙岗区卫生健康局", "深圳市坪山区卫生健康局", StringComparison.Ordinal);
        var reports = new ReportImporter().ReadFiles([Write("a.txt", own), Write("b.txt", peer)]);
        Assert.All(reports, r => Assert.Contains(r.Findings, f => f.Rule == ImportRules.Copying && f.Location.Contains("sections.overview")));
        Assert.DoesNotContain(new ReportImporter().ReadFiles([Write("c.txt", own), Write("d.txt", Seed("001"))]).SelectMany(r => r.Findings), f => f.Rule == ImportRules.Copying);
    }

    [Fact]
    public void ReadFiles_2021FormatInForceDoesNotFollow_Finding()
    {
        var y2021 = Seed("004");
        var y2022 = y2021.Replace("2021年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告", StringComparison.Ordinal)
            .Replace("规章\t0\t0\t0", "规章\t1\t0\t5", StringComparison.Ordinal);
        var reports = new ReportImporter().ReadFiles([Write("2021.md", y2021), Write("2022.md", y2022)]);
        var finding = Assert.Single(reports[1].Findings, f => f.Rule == ImportRules.InForceContinuity);
        Assert.Contains("2022:article20.regulations.inForce", finding.Location);
        Assert.Contains("source:line 35", finding.Location);
    }
    [Fact]
    public void ReadFiles_2019FormatCountsDoNotCarryOn_FindingsNameTheRow()
    {
        var y2019 = Seed("002");
        var y2020 = CarriedOn2020(y2019)
            .Replace("\t行政许可\n\t12\n", "\t行政许可\n\t15\n", StringComparison.Ordinal)
            .Replace("\t规范性文件\n\t1\n\t1\n\t7\n", "\t规范性文件\n\t1\n\t1\n\t9\n", StringComparison.Ordinal);
        Assert.NotEqual(CarriedOn2020(y2019), y2020);

        var reports = new ReportImporter().ReadFiles([Write("2019.txt", y2019), Write("2020.txt", y2020)]);
        var findings = reports[1].Findings.Where(f => f.Rule == ImportRules.Format2019Continuity).ToList();

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message == "行政许可：2019年报告的上一年项目数量11加本年增/减1为12，但2020年报告的上一年项目数量为15");
        Assert.Contains(findings, f => f.Message == "规范性文件：2019年对外公开总数量6加2020年新公开1为7，但2020年报告的对外公开总数量为9");
        Assert.DoesNotContain(reports[0].Findings, f => f.Rule == ImportRules.Format2019Continuity);
    }

    [Fact]
    public void ReadFiles_2019FormatCountsCarryOn_NoFinding()
    {
        var y2019 = Seed("002");
        var y2020 = CarriedOn2020(y2019);

        var reports = new ReportImporter().ReadFiles([Write("2019.txt", y2019), Write("2020.txt", y2020)]);

        Assert.Equal(2020, reports[1].Report!.Year);
        Assert.DoesNotContain(reports[1].Findings, f => f.Rule == ImportRules.Format2019Continuity);
    }

    /// <summary>Seed 002 as the next year's report whose section 二 counts carry on from 2019's.</summary>
    private static string CarriedOn2020(string y2019) => y2019
        .Replace("2019年下城区卫生健康局政府信息公开", "2020年下城区卫生健康局政府信息公开", StringComparison.Ordinal)
        .Replace("\t行政许可\n\t11\n\t增1\n", "\t行政许可\n\t12\n\t增2\n", StringComparison.Ordinal)
        .Replace("\t其他对外管理服务事项\n\t5\n\t增1\n", "\t其他对外管理服务事项\n\t6\n\t0\n", StringComparison.Ordinal)
        .Replace("\t行政处罚\n\t407\n\t增17\n", "\t行政处罚\n\t424\n\t0\n", StringComparison.Ordinal)
        .Replace("\t行政事业性收费\n\t2\n\t减1\n", "\t行政事业性收费\n\t1\n\t0\n", StringComparison.Ordinal)
        .Replace("\t规范性文件\n\t2\n\t2\n\t6\n", "\t规范性文件\n\t1\n\t1\n\t7\n", StringComparison.Ordinal);
}
