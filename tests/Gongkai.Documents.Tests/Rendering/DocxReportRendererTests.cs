using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Xunit.Abstractions;

namespace Gongkai.Documents.Tests.Rendering;

public sealed class DocxReportRendererTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures => new() { "000", "001", "002", "003", "004" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Render_SampleReport_IsValidOffice2010Document(string fixture)
    {
        using var document = Open(DocxReportRenderer.Render(Load(fixture)));

        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document).ToList();

        foreach (var error in errors)
        {
            output.WriteLine($"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}");
        }

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Render_SampleReport_Article20TableHoldsEveryValueUnderItsColumn(string fixture)
    {
        var report = Load(fixture);
        using var document = Open(DocxReportRenderer.Render(report));
        var table = TableOf(document, report, "proactive");

        foreach (var group in report.Article20.Layout.Groups)
        {
            var groupRow = table.SingleRow(r => table.Text(r, 0) == group.Heading, group.Heading);
            Assert.Equal((1, table.ColumnCount), table.Extent(groupRow, 0));
            foreach (var item in group.Rows)
            {
                var row = table.SingleRow(r => r > groupRow && table.Text(r, 0) == item.Label, item.Label);
                var header = Enumerable.Range(groupRow, row - groupRow).Last(r => table.Text(r, 0) == "信息内容");
                foreach (var column in group.Columns)
                {
                    var c = table.SingleColumn(c => c > 0 && table.Cell(header, c) != table.Cell(header, c - 1) && table.Text(header, c) == column.Label, column.Label);
                    var expected = ReportFormatting.Cell(report.Article20[item.Key, column.Key], column);
                    Assert.True(expected == table.Text(row, c), $"{item.Label} · {column.Label}: expected “{expected}”, found “{table.Text(row, c)}”");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Render_SampleReport_ApplicationsTableHoldsEveryValueInItsRowAndColumn(string fixture)
    {
        var report = Load(fixture);
        using var document = Open(DocxReportRenderer.Render(report));
        var table = TableOf(document, report, "applications");

        Assert.Equal(3 + ApplicantColumns.Count, table.ColumnCount);
        Assert.Equal(3 + report.Applications.Rows.Count, table.RowCount);
        foreach (var definition in report.Applications.Rows)
        {
            // The labels a reader sees across the three label columns of the row.
            string[] labels = [definition.Top, definition.Group ?? definition.Top, definition.Item ?? definition.Group ?? definition.Top];
            var row = table.SingleRow(
                r => r >= 3 && table.Text(r, 0) == labels[0] && table.Text(r, 1) == labels[1] && table.Text(r, 2) == labels[2],
                definition.Name);
            foreach (var column in ApplicantColumns.All)
            {
                var c = table.SingleColumn(c => c >= 3 && table.Text(0, c) == "申请人情况" && table.Text(2, c) == column.Label(), column.Label());
                var expected = report.Applications[definition.Key, column]?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
                Assert.True(expected == table.Text(row, c), $"{definition.Name} · {column.Label()}: expected “{expected}”, found “{table.Text(row, c)}”");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Render_SampleReport_ReviewLitigationTableHoldsEveryValueUnderItsHeaders(string fixture)
    {
        var report = Load(fixture);
        using var document = Open(DocxReportRenderer.Render(report));
        var table = TableOf(document, report, "reviewLitigation");

        Assert.Equal((4, 15), (table.RowCount, table.ColumnCount));
        (ReviewLitigationGroup Group, string Top, string? Middle)[] groups =
        [
            (ReviewLitigationGroup.Review, "行政复议", null),
            (ReviewLitigationGroup.LitigationDirect, "行政诉讼", "未经复议直接起诉"),
            (ReviewLitigationGroup.LitigationAfterReview, "行政诉讼", "复议后起诉"),
        ];
        foreach (var (group, top, middle) in groups)
        {
            foreach (var outcome in ReviewLitigationLabels.Outcomes)
            {
                // Under 行政复议 the outcome label is merged down over rows 2–3; under 行政诉讼 it sits below the sub-header.
                var c = table.SingleColumn(
                    c => table.Text(0, c) == top && table.Text(1, c) == (middle ?? outcome.Label()) && table.Text(2, c) == outcome.Label(),
                    $"{top} {middle} {outcome.Label()}");
                var expected = report.ReviewLitigation[group, outcome]?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
                Assert.True(expected == table.Text(3, c), $"{group.Label()} · {outcome.Label()}: expected “{expected}”, found “{table.Text(3, c)}”");
            }
        }
    }

    [Theory]
    [InlineData("000", 20)]
    [InlineData("004", 22)]
    public void Render_ApplicationsTable_MergesLabelsAsTheNationalFormat(string fixture, int resultRows)
    {
        var report = Load(fixture);
        using var document = Open(DocxReportRenderer.Render(report));
        var table = TableOf(document, report, "applications");

        Assert.Equal(ApplicationsLayout.BalanceNote, table.Text(0, 0));
        Assert.Equal((3, 3), table.Extent(0, 0));
        Assert.Equal((1, 7), table.Extent(0, 3));
        Assert.Equal((2, 1), table.Extent(1, 3));
        Assert.Equal("法人或其他组织", table.Text(1, 4));
        Assert.Equal((1, 5), table.Extent(1, 4));
        Assert.Equal((2, 1), table.Extent(1, 9));
        Assert.All(table.Rows.Take(3), r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.All(table.Rows.Skip(3), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));

        var results = table.SingleRow(r => table.Text(r, 0) == ApplicationsLayout.ResultsTop && table.Text(r - 1, 0) != ApplicationsLayout.ResultsTop, "the first result row");
        Assert.Equal(MergedCellValues.Restart, table.Cell(results, 0).TableCellProperties?.VerticalMerge?.Val?.Value);
        Assert.Equal((resultRows, 1), table.Extent(results, 0));
        Assert.Equal("（七）总计", table.Text(results + resultRows - 1, 1));

        var received = table.SingleRow(r => table.Text(r, 0) == "一、本年新收政府信息公开申请数量", "一");
        Assert.Equal((1, 3), table.Extent(received, 0));
        var withheld = table.SingleRow(r => table.Text(r, 2) == "1.属于国家秘密", "（三）1");
        Assert.Equal("（三）不予公开", table.Text(withheld, 1));
        Assert.Equal((8, 1), table.Extent(withheld, 1));
        var granted = table.SingleRow(r => table.Text(r, 1) == "（一）予以公开", "（一）");
        Assert.Equal((1, 2), table.Extent(granted, 1));
        var other = Enumerable.Range(0, table.RowCount).First(r => table.Text(r, 1) == "（六）其他处理");
        Assert.Equal(resultRows == 22 ? (3, 1) : (1, 2), table.Extent(other, 1));
    }

    [Fact]
    public void Render_Page_IsA4WithOfficialDocumentMargins()
    {
        using var document = Open(DocxReportRenderer.Render(Load("001")));
        var section = document.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()!;

        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.Equal((2098, 1984, 1588u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
    }

    [Fact]
    public void Render_Title_Is2HaoXiaoBiaoSongCentred()
    {
        var report = Load("001");
        using var document = Open(DocxReportRenderer.Render(report));
        var title = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().First();
        var style = StyleOf(document, title);

        Assert.Equal(report.Title, DocxTableReader.TextOf(title));
        Assert.Equal("44", style.StyleRunProperties!.FontSize!.Val!.Value);
        Assert.Equal("方正小标宋简体", style.StyleRunProperties.RunFonts!.EastAsia!.Value);
        Assert.Equal(JustificationValues.Center, style.StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(report.Title, document.PackageProperties.Title);
    }

    [Fact]
    public void Render_Body_Is3HaoFangSongWithFixedLinesAndTwoCharacterIndent()
    {
        var report = Load("000");
        using var document = Open(DocxReportRenderer.Render(report));
        var firstLine = report.Sections.Overview!.Split('\n')[0];
        var paragraph = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Single(p => DocxTableReader.TextOf(p) == firstLine);
        var style = StyleOf(document, paragraph);

        Assert.Equal("32", style.StyleRunProperties!.FontSize!.Val!.Value);
        Assert.Equal("仿宋_GB2312", style.StyleRunProperties.RunFonts!.EastAsia!.Value);
        var spacing = style.StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal(LineSpacingRuleValues.Exact, spacing.LineRule!.Value);
        Assert.InRange(int.Parse(spacing.Line!.Value!, CultureInfo.InvariantCulture), 560, 580);
        Assert.Equal(200, style.StyleParagraphProperties.Indentation!.FirstLineChars!.Value);
        var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("zh-CN", defaults.GetFirstChild<Languages>()!.EastAsia!.Value);
    }

    [Fact]
    public void Render_FontTable_NamesAFallbackForEachOfficialFont()
    {
        using var document = Open(DocxReportRenderer.Render(Load("004")));
        var fonts = document.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!);

        Assert.Equal("仿宋", fonts["仿宋_GB2312"].AltName!.Val!.Value);
        Assert.Equal("华文中宋", fonts["方正小标宋简体"].AltName!.Val!.Value);
        Assert.Equal("SimHei", fonts["黑体"].AltName!.Val!.Value);
        Assert.All(new[] { "仿宋_GB2312", "方正小标宋简体", "黑体" }, name =>
        {
            Assert.Equal("86", fonts[name].FontCharSet!.Val!.Value);
            Assert.NotNull(fonts[name].Panose1Number);
        });
    }

    [Fact]
    public void Render_Footer_HasCentredPageFieldBetweenDashes()
    {
        using var document = Open(DocxReportRenderer.Render(Load("002")));
        var section = document.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()!;
        var reference = section.GetFirstChild<FooterReference>()!;
        var footer = ((FooterPart)document.MainDocumentPart.GetPartById(reference.Id!.Value!)).Footer!;
        var paragraph = footer.Elements<Paragraph>().Single();

        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
        Assert.Equal("— 1 —", DocxTableReader.TextOf(paragraph));
        var style = StyleOf(document, paragraph);
        Assert.Equal(JustificationValues.Center, style.StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("28", style.StyleRunProperties!.FontSize!.Val!.Value);
        Assert.Equal("宋体", style.StyleRunProperties.RunFonts!.EastAsia!.Value);
    }

    [Fact]
    public void Render_Sections_HeadingsInOrderAndNullTextPrintsOnlyTheHeading()
    {
        var report = Load("000");
        using var document = Open(DocxReportRenderer.Render(report));
        var body = document.MainDocumentPart!.Document.Body!.ChildElements.ToList();
        var headings = report.Sections.InOrder(report.Template).Select(s => s.Heading).ToList();

        var positions = headings.Select(h => body.FindIndex(e => e is Paragraph p && DocxTableReader.TextOf(p) == h)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        // 二 has no text in 000: its table follows the heading directly.
        Assert.IsType<Table>(body[positions[1] + 1]);
        // 一 is split into its lines.
        Assert.Equal(report.Sections.Overview!.Split('\n').Length, positions[1] - positions[0] - 1);
    }

    [Fact]
    public void Render_Signature_AgencyAndChineseDateRightAligned()
    {
        var report = Load("001");
        using var document = Open(DocxReportRenderer.Render(report));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        Assert.Equal(report.Agency, DocxTableReader.TextOf(paragraphs[^2]));
        Assert.Equal("2021年1月18日", DocxTableReader.TextOf(paragraphs[^1]));
        Assert.All(paragraphs.TakeLast(2), p =>
            Assert.Equal(JustificationValues.Right, StyleOf(document, p).StyleParagraphProperties!.Justification!.Val!.Value));
    }

    [Fact]
    public void Render_NoDateYet_SignatureStillHasADateLineToFillIn()
    {
        var report = Load("001");
        report.PublishedOn = null;
        using var document = Open(DocxReportRenderer.Render(report));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        Assert.Equal(report.Agency, DocxTableReader.TextOf(paragraphs[^2]));
        Assert.Equal("\u3000\u3000年\u3000\u3000月\u3000\u3000日", DocxTableReader.TextOf(paragraphs[^1]));
        Assert.Equal(JustificationValues.Right, StyleOf(document, paragraphs[^1]).StyleParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void Render_SameReportTwice_GivesTheSameBytes()
    {
        var report = Load("004");
        var first = DocxReportRenderer.Render(report);
        Thread.Sleep(TimeSpan.FromSeconds(2.1)); // zip times have a 2-second resolution
        var second = DocxReportRenderer.Render(report);

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.Contains(zip.Entries, e => e.FullName == "docProps/core.xml");
    }

    [Fact]
    public void Render_ToStream_WritesTheSameDocumentAndLeavesTheStreamOpen()
    {
        var report = Load("003");
        using var stream = new MemoryStream();
        stream.WriteByte(0x42);

        DocxReportRenderer.Render(report, stream);

        Assert.True(stream.CanWrite);
        Assert.Equal(DocxReportRenderer.Render(report), stream.ToArray().Skip(1).ToArray());
    }

    internal static AnnualReport Load(string fixture)
    {
        var result = ReportJson.Read(File.ReadAllText(Paths.Fixture(fixture)));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Report!;
    }

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    private static DocxTableReader TableOf(WordprocessingDocument document, AnnualReport report, string sectionKey)
    {
        var sections = report.Sections.InOrder(report.Template);
        return DocxTableReader.AfterHeading(document, sections.Select(s => s.Heading).ToList(), sections.Single(s => s.Key == sectionKey).Heading);
    }

    /// <summary>The paragraph's style, with the properties it inherits from its base styles filled in where it sets none.</summary>
    private static Style StyleOf(WordprocessingDocument document, Paragraph paragraph)
    {
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? styles.Values.Single(s => s.Default?.Value == true).StyleId!.Value!;
        var chain = new List<Style>();
        for (string? current = id; current is not null; current = styles[current].BasedOn?.Val?.Value)
        {
            chain.Add(styles[current]);
        }

        // Merge from the base up: each property the nearer style sets wins.
        var paragraphProperties = new StyleParagraphProperties();
        var runProperties = new StyleRunProperties();
        foreach (var style in chain.AsEnumerable().Reverse())
        {
            Overlay(paragraphProperties, style.StyleParagraphProperties);
            Overlay(runProperties, style.StyleRunProperties);
        }

        return new Style(paragraphProperties, runProperties) { StyleId = id };
    }

    private static void Overlay(OpenXmlCompositeElement target, OpenXmlCompositeElement? source)
    {
        foreach (var child in source?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
        {
            foreach (var existing in target.ChildElements.Where(e => e.GetType() == child.GetType()).ToList())
            {
                existing.Remove();
            }

            target.AppendChild(child.CloneNode(true));
        }
    }
}
