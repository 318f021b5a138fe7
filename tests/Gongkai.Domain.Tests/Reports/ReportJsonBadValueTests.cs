using System.Text.Json.Nodes;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>Issue #10: a value no report can hold is an error naming its cell, never an exception.</summary>
public class ReportJsonBadValueTests
{
    private static string WithArticle20Cell(string raw)
    {
        var text = ReportJson.Write(new ReportBuilder().Build());
        var node = JsonNode.Parse(text)!;
        node["article20"]!["administrativeLicensing"]!["decisions"] = JsonNode.Parse("0");
        const string Marker = "\"decisions\":0";
        var json = node.ToJsonString();
        Assert.Contains(Marker, json, StringComparison.Ordinal);
        var at = json.IndexOf(Marker, StringComparison.Ordinal);
        return json[..at] + "\"decisions\":" + raw + json[(at + Marker.Length)..];
    }

    [Theory]
    [InlineData("1e308", "数值超出范围")]
    [InlineData("1e400", "数值超出范围")]
    [InlineData("-1", "应为非负整数")]
    [InlineData("1.5", "应为非负整数")]
    [InlineData("\"七\"", "应为数字或 null")]
    public void Read_Article20CellOutOfRange_IsAnErrorNamingTheCell(string raw, string expected)
    {
        var result = ReportJson.Read(WithArticle20Cell(raw));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("article20.administrativeLicensing.decisions", error.Path);
        Assert.Contains("行政许可·", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("1e400")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"5\"")]
    public void Read_ApplicationsCellNotACount_IsAnErrorNamingTheCell(string raw)
    {
        var text = ReportJson.Write(new ReportBuilder().Build());
        text = text.Replace("\"granted\": [\n      0,", "\"granted\": [\n      " + raw + ",", StringComparison.Ordinal);

        var result = ReportJson.Read(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal("applications.granted[0]", error.Path);
        Assert.Contains("三（一）予以公开·自然人 应为非负整数或 null", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"rule\":\"r\",\"location\":[],\"message\":\"m\",\"severity\":1}")]
    [InlineData("{\"rule\":\"r\",\"location\":[],\"message\":\"m\",\"severity\":null}")]
    public void Read_FindingWithASeverityThatIsNoText_IsAnErrorNamingTheFinding(string finding)
    {
        var node = JsonNode.Parse(ReportJson.Write(new ReportBuilder().Build()))!;
        node["findings"] = JsonNode.Parse("[" + finding + "]");

        var result = ReportJson.Read(node.ToJsonString());

        var error = Assert.Single(result.Errors);
        Assert.Equal("findings[0]", error.Path);
        Assert.Contains("severity（error 或 warning）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FindingLocationOfNumbers_IsKeptAsText()
    {
        var node = JsonNode.Parse(ReportJson.Write(new ReportBuilder().Build()))!;
        node["findings"] = JsonNode.Parse("[{\"rule\":\"r\",\"location\":[3],\"message\":\"m\",\"severity\":\"warning\"}]");

        var result = ReportJson.Read(node.ToJsonString());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["3"], result.Report!.Findings.Single().Location);
    }
}
