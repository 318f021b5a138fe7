using System.Text.Json.Nodes;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Domain.Tests.Reports;

public class ReportJsonTests
{
    public static TheoryNumbers Samples => Fixtures.All;

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_ThenWrite_GivesBackTheSameJson(string number)
    {
        var original = Fixtures.Json(number);

        var written = ReportJson.Write(Fixtures.Report(number));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)),
            $"Fixture {number} changed on the round trip:\n{written}");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Write_IsStable_SecondRoundTripIsByteForByte(string number)
    {
        var once = ReportJson.Write(Fixtures.Report(number));

        var twice = ReportJson.Write(ReportJson.Read(once).Report!);

        Assert.Equal(once, twice);
    }

    [Fact]
    public void Read_Sample002_KeepsBlankCellsNull()
    {
        var report = Fixtures.Report("002");

        Assert.Equal(1, report.Applications[ApplicationRowKeys.Received, ApplicantColumn.NaturalPerson]);
        Assert.Null(report.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total]);
        Assert.All(report.Applications[ApplicationRowKeys.TotalHandled], Assert.Null);
    }

    [Fact]
    public void Read_Sample003_ReadsWordsAndUnitsAsTheModelSays()
    {
        var report = Fixtures.Report("003");

        Assert.Equal(-18m, report.Article20["administrativeLicensing", "change"]!.Number);
        Assert.Equal(26m, report.Article20["administrativePenalty", "change"]!.Number);
        Assert.Equal("增 1 减 3", report.Article20["administrativeFees", "change"]!.Text);
        Assert.Equal(834200m, report.Article20["centralizedProcurement", "totalAmountYuan"]!.Number);
    }

    [Fact]
    public void Read_2019Template_HasNoSubRowsForOtherProcessing()
    {
        var report = Fixtures.Report("000");

        Assert.Equal(ReportTemplate.Format2019, report.Template);
        Assert.False(report.Applications.HasRow(ApplicationRowKeys.OtherNoSupplement));
        Assert.Contains("\"noSupplement\": null", ReportJson.Write(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2019, ReportTemplate.Format2019)]
    [InlineData(2020, ReportTemplate.Format2019)]
    [InlineData(2021, ReportTemplate.Format2021)]
    [InlineData(2025, ReportTemplate.Format2021)]
    public void Read_WithoutTemplate_ChoosesTheYearsFormat(int year, ReportTemplate expected)
    {
        var json = Minimal(year);

        var result = ReportJson.Read(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(expected, result.Report!.Template);
    }

    [Fact]
    public void Read_TemplateGiven_OverridesTheYear()
    {
        var node = JsonNode.Parse(ReportJson.Write(new ReportBuilder(year: 2020, template: ReportTemplate.Format2021).Build()))!;

        var result = ReportJson.Read(node.ToJsonString());

        Assert.Equal(ReportTemplate.Format2021, result.Report!.Template);
    }

    [Fact]
    public void Read_SyntaxError_SaysWhichLine()
    {
        var json = "{\n  \"agency\": \"某局\",\n  \"year\": 2020,\n  \"template\": \"2019\"\n  \"sections\": {}\n}";

        var result = ReportJson.Read(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal(5, error.Line);
        Assert.StartsWith("第5行", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NegativeCount_NamesTheCellAndLine()
    {
        var text = ReportJson.Write(new ReportBuilder().Build());
        var lines = text.Split('\n').ToList();
        var granted = lines.FindIndex(l => l.Contains("\"granted\"", StringComparison.Ordinal));
        text = text.Replace("\"granted\": [\n      0,", "\"granted\": [\n      -3,", StringComparison.Ordinal);

        var result = ReportJson.Read(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal("applications.granted[0]", error.Path);
        Assert.Equal(granted + 2, error.Line);
        Assert.Contains("三（一）予以公开·自然人 应为非负整数", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownKey_IsAnErrorNotASilentlyBlankCell()
    {
        var node = JsonNode.Parse(ReportJson.Write(new ReportBuilder().Build()))!;
        node["applications"]!["grantd"] = new JsonArray(1, 0, 0, 0, 0, 0, 1);

        var result = ReportJson.Read(node.ToJsonString());

        Assert.Null(result.Report);
        Assert.Contains(result.Errors, e => e.Path == "applications.grantd" && e.Message.Contains("未知字段", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RowWithSixCells_IsRefusedWithTheRowName()
    {
        var node = JsonNode.Parse(ReportJson.Write(new ReportBuilder().Build()))!;
        node["applications"]!["withheld"]!["stateSecret"] = new JsonArray(0, 0, 0, 0, 0, 0);

        var result = ReportJson.Read(node.ToJsonString());

        var error = Assert.Single(result.Errors);
        Assert.Equal("applications.withheld.stateSecret", error.Path);
        Assert.Contains("三（三）1.属于国家秘密 应为7个单元格", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_2019ReportWithA2021OnlyRow_IsRefused()
    {
        var node = JsonNode.Parse(ReportJson.Write(new ReportBuilder(year: 2020).Build()))!;
        node["applications"]!["other"]!["feeUnpaid"] = new JsonArray(1, 0, 0, 0, 0, 0, 1);

        var result = ReportJson.Read(node.ToJsonString());

        Assert.Contains(result.Errors, e => e.Path == "applications.other.feeUnpaid");
    }

    [Fact]
    public void Read_MissingAgencyAndYear_ReportsBoth()
    {
        var result = ReportJson.Read("{\"schema\": \"gongkai.annual-report/1\"}");

        Assert.Contains(result.Errors, e => e.Path == "agency");
        Assert.Contains(result.Errors, e => e.Path == "year");
    }

    [Fact]
    public void Write_Amounts_DropTrailingZeros()
    {
        var report = new ReportBuilder(year: 2020).Build();
        report.Article20["centralizedProcurement", "totalAmountYuan"] = Article20Value.Of(834200.00m);

        var json = ReportJson.Write(report);

        Assert.Contains("\"totalAmountYuan\": 834200\n", json, StringComparison.Ordinal);
    }

    private static string Minimal(int year)
    {
        var node = JsonNode.Parse(ReportJson.Write(new ReportBuilder(year: year).Build()))!.AsObject();
        node.Remove("template");
        return node.ToJsonString();
    }
}
