using System.Text;
using System.Text.Json.Nodes;
using Gongkai.Documents.Reading;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Documents.Tests;

/// <summary>What Gongkai publishes, Gongkai (and a supervising office using it) reads back to the same figures.</summary>
public class RenderThenReadTests
{
    public static TheoryNumbers Samples => Fixtures.All;

    [Theory]
    [MemberData(nameof(Samples))]
    public void Html_RenderedThenRead_GivesTheSameTables(string number)
    {
        var report = Fixtures.Report(number);
        var html = Encoding.UTF8.GetBytes(HtmlReportRenderer.Render(report));

        var read = new ReportImporter().Read($"{number}.html", html);

        AssertSameTables(report, read);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Docx_RenderedThenRead_GivesTheSameTables(string number)
    {
        var report = Fixtures.Report(number);

        var read = new ReportImporter().Read($"{number}.docx", DocxReportRenderer.Render(report));

        AssertSameTables(report, read);
    }

    private static void AssertSameTables(AnnualReport expected, ImportedReport read)
    {
        Assert.True(read.Report is not null, read.Error);
        var want = JsonNode.Parse(ReportJson.Write(expected))!;
        var got = JsonNode.Parse(ReportJson.Write(read.Report!))!;
        foreach (var key in new[] { "agency", "year", "template", "publishedOn", "article20", "applications", "reviewLitigation" })
        {
            Assert.True(JsonNode.DeepEquals(want[key], got[key]), $"{key} differs:\nexpected {want[key]?.ToJsonString()}\nread     {got[key]?.ToJsonString()}");
        }
    }
}
