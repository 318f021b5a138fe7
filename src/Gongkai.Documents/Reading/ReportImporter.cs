using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reading;

/// <summary>
/// Reads published annual reports (政府信息公开工作年度报告, Arts. 49–50) — text, Markdown, HTML, DOCX, PDF;
/// UTF-8 or GB18030 — into the canonical report model, and checks them: the checker's rules, what the reader
/// was unsure of, and the audit (<see cref="ReportAudit"/>). No input makes it throw: a file it cannot read
/// gives an <see cref="ImportedReport.Error"/>.
/// </summary>
public sealed partial class ReportImporter
{
    private readonly ImportOptions _options;

    public ReportImporter(ImportOptions? options = null) => _options = options ?? new ImportOptions();

    /// <summary>
    /// Reads several files and audits them together (cross-year continuity per agency, copied narratives),
    /// in the order given.
    /// </summary>
    public IReadOnlyList<ImportedReport> ReadFiles(IEnumerable<string> paths)
    {
        var reports = paths.Select(ReadFile).ToList();
        if (_options.Audit)
        {
            ReportAudit.AcrossReports(reports, _options);
        }

        return reports;
    }

    /// <summary>Reads one file; the format is recognised from its content (and name).</summary>
    public ImportedReport ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ImportedReport.Failed(path, null, $"无法读取文件：{e.Message}");
        }

        return Read(path, bytes, path);
    }

    /// <summary>Reads a report from its bytes; <paramref name="name"/> is kept as <see cref="ImportedReport.File"/>.</summary>
    public ImportedReport Read(string name, byte[] content) => Read(name, content, null);

    /// <summary>Reads a report from text already decoded (plain text, Markdown or HTML).</summary>
    public ImportedReport ReadText(string name, string text)
    {
        var format = LooksLikeHtml(name, text) ? SourceFormat.Html : SourceFormat.Text;
        return FromText(name, text, format);
    }

    private ImportedReport Read(string name, byte[] bytes, string? path)
    {
        if (bytes.AsSpan().IndexOfAnyExcept(" \n\r\t"u8) < 0)
        {
            return ImportedReport.Failed(name, null, "文件为空");
        }

        ReadOnlySpan<byte> head = bytes.AsSpan(0, Math.Min(bytes.Length, 8));
        if (head.StartsWith("%PDF"u8))
        {
            return ReadPdf(name, bytes, path);
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return ReadDocx(name, bytes);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return ImportedReport.Failed(name, null, "不支持旧版 Word（.doc）或其他 OLE 文件，请在 Word 或 LibreOffice 中另存为 DOCX 后再导入");
        }

        if (head.StartsWith("{\\rtf"u8))
        {
            return ImportedReport.Failed(name, null, "不支持 RTF 文件，请另存为 DOCX 或纯文本后再导入");
        }

        var (text, error) = TextDecoding.Decode(bytes);
        if (text is null)
        {
            return ImportedReport.Failed(name, null, error!);
        }

        return ReadText(name, text);
    }

    private ImportedReport ReadPdf(string name, byte[] bytes, string? path)
    {
        string? temp = null;
        try
        {
            if (path is null)
            {
                temp = Path.Combine(Path.GetTempPath(), $"gongkai-import-{Guid.NewGuid():N}.pdf");
                File.WriteAllBytes(temp, bytes);
            }

            var (text, error) = PdfText.Extract(path ?? temp!, _options.PdfToText, _options.PdfTimeout);
            if (text is null)
            {
                return ImportedReport.Failed(name, SourceFormat.Pdf, error!);
            }

            // The word boxes are read (a second pdftotext run) only if a table row needs them, while the file is still there.
            var file = path ?? temp!;
            var words = new Lazy<IReadOnlyList<PdfWord>>(() => PdfText.Words(file, _options.PdfToText, _options.PdfTimeout));
            return FromSource(name, TextSource.Parse(text, SourceFormat.Pdf) with { Words = words });
        }
        finally
        {
            if (temp is not null)
            {
                File.Delete(temp);
            }
        }
    }

    private ImportedReport ReadDocx(string name, byte[] bytes)
    {
        SourceDocument doc;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            doc = DocxSource.Parse(stream);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException
                                      or IOException or System.Xml.XmlException or InvalidOperationException
                                      or ArgumentException or FormatException or KeyNotFoundException or NotSupportedException)
        {
            return ImportedReport.Failed(name, SourceFormat.Docx, $"无法读取DOCX文件（文件可能已损坏、被截断或不是 Word 文档）：{e.Message}");
        }

        return FromSource(name, doc);
    }

    private ImportedReport FromText(string name, string text, SourceFormat format)
    {
        var doc = format == SourceFormat.Html ? HtmlSource.Parse(text) : TextSource.Parse(text, format);
        return FromSource(name, doc);
    }

    private ImportedReport FromSource(string name, SourceDocument doc)
    {
        var findings = new List<Finding>();
        var narrative = new NarrativeReader(doc);
        var sections = new ReportSections();
        narrative.Read(sections);
        var tables = new TableRecognizer(doc, findings);
        var (detected, votes2019, votes2021) = tables.DetectTemplate();

        var headings = narrative.Headings.Count(h => h is not null);
        if (detected is null && headings < 2 && narrative.Year is null)
        {
            return ImportedReport.Failed(name, doc.Format,
                "未识别出政府信息公开工作年度报告：没有找到标题中的年度、六个部分的标题或统计表格");
        }

        var year = narrative.Year ?? narrative.YearFromText();
        if (year is null && narrative.PublishedOn is { } published)
        {
            year = published.Year - 1;
            findings.Add(Uncertain(["year"], $"标题中没有年度，按落款日期{published.Year}年推定为{year}年度报告"));
        }

        if (year is null)
        {
            return ImportedReport.Failed(name, doc.Format, "无法确定报告年度：标题、统计期限和落款日期中都没有年份");
        }

        var template = detected ?? ReportTemplates.ForYear(year.Value);
        if (detected is null)
        {
            findings.Add(Uncertain(["template"], $"表格中没有可识别格式的表头或行，按年度推定为{template.DisplayName()}"));
        }
        else if (votes2019 > 0 && votes2021 > 0)
        {
            findings.Add(Uncertain(["template"],
                $"表格中同时出现2019年格式（{votes2019}处）和2021年格式（{votes2021}处）的表头或行，按多数读作{template.DisplayName()}"));
        }

        var report = new AnnualReport(narrative.Agency ?? string.Empty, year.Value, template) { PublishedOn = narrative.PublishedOn };
        if (narrative.Agency is null)
        {
            findings.Add(Uncertain(["agency"], "未能从标题中识别机关名称"));
        }

        foreach (var (key, _, _) in sections.InOrder(template))
        {
            report.Sections.TrySet(key, Get(sections, key));
        }

        tables.Read(report);
        var imported = new ImportedReport(name, doc.Format, report, null) { Paragraphs = narrative.Paragraphs, Source = doc };
        foreach (var (key, row) in tables.Sources)
        {
            imported.SetSource(key, doc.Pointer(row));
        }

        for (var k = 0; k < 6; k++)
        {
            if (narrative.Headings[k] is { } heading)
            {
                imported.SetSource($"sections.{NarrativeReader.SectionKeys[k]}", doc.Pointer(heading));
            }
        }

        if (narrative.TitleRow is { } title)
        {
            imported.SetSource("title", doc.Pointer(title));
        }

        if (narrative.DateRow is { } date)
        {
            imported.SetSource("publishedOn", doc.Pointer(date));
        }

        imported.AddFindings(ReportChecker.Check(report).Select(f => WithSources(f, imported)));
        imported.AddFindings(findings);
        if (_options.Audit)
        {
            imported.AddFindings(ReportAudit.Audit(imported, narrative, _options));
        }

        report.Findings.Clear();
        report.Findings.AddRange(imported.Findings);
        return imported;
    }

    private static string? Get(ReportSections s, string key) => key switch
    {
        "overview" => s.Overview,
        "proactive" => s.Proactive,
        "applications" => s.Applications,
        "reviewLitigation" => s.ReviewLitigation,
        "problems" => s.Problems,
        "other" => s.Other,
        _ => null,
    };

    /// <summary>A checker finding with the source rows of the cells it names appended (<c>source:line 127</c>).</summary>
    internal static Finding WithSources(Finding finding, ImportedReport imported)
    {
        var pointers = new List<string>();
        foreach (var location in finding.Location)
        {
            var row = RowKeyOf(location);
            if (row is not null && imported.SourceOf.TryGetValue(row, out var pointer) && !pointers.Contains(pointer))
            {
                pointers.Add(pointer);
            }
        }

        return pointers.Count == 0 ? finding : finding with { Location = [.. finding.Location, .. pointers] };
    }

    /// <summary><c>applications.withheld.stateSecret.total</c> → <c>applications.withheld.stateSecret</c>; <c>reviewLitigation.review.total</c> → <c>reviewLitigation</c>.</summary>
    private static string? RowKeyOf(string location)
    {
        if (location.StartsWith("reviewLitigation", StringComparison.Ordinal))
        {
            return "reviewLitigation";
        }

        if (location.StartsWith("applications.", StringComparison.Ordinal) || location.StartsWith("article20.", StringComparison.Ordinal))
        {
            var last = location.LastIndexOf('.');
            return last > 0 ? location[..last] : location;
        }

        return null;
    }

    private static Finding Uncertain(IReadOnlyList<string> location, string message) =>
        new(ImportRules.Uncertain, location, message, FindingSeverity.Warning);

    private static bool LooksLikeHtml(string name, string text)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (ext is ".html" or ".htm" or ".xhtml" or ".mht")
        {
            return true;
        }

        if (ext is ".txt" or ".md" or ".markdown")
        {
            return false;
        }

        var head = text.Length > 4000 ? text[..4000] : text;
        return HtmlStart().IsMatch(head);
    }

    [GeneratedRegex(@"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body|table|meta)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();
}
