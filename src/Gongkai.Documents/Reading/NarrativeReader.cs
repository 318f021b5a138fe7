using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reading;

/// <summary>A paragraph of narrative, with the part it belongs to and where it starts in the source.</summary>
internal sealed record Paragraph(string SectionKey, string Text, SourceRow Row);

/// <summary>
/// Reads what is not in the tables: the title (agency and year), the six parts' headings and texts, the
/// signature date. Paragraphs that a page break split in mid-sentence are joined again; Markdown marks,
/// Word's bookmark residue, signature and page numbers are left out (tests/fixtures/reports/NOTES.md).
/// </summary>
internal sealed partial class NarrativeReader
{
    /// <summary>The JSON keys of the six parts, in order (一 … 六).</summary>
    public static readonly string[] SectionKeys = ["overview", "proactive", "applications", "reviewLitigation", "problems", "other"];

    private static readonly string[][] HeadingWords =
    [
        ["总体情况", "概述", "基本情况"],
        ["主动公开政府信息"],
        ["收到和处理", "申请情况"],
        ["行政复议", "行政诉讼", "行政法复议"],
        ["主要问题", "存在的问题", "存在问题", "改进情况"],
        ["其他需要报告", "其他事项"],
    ];

    private readonly SourceDocument _doc;

    private char[] _buffer = new char[256];

    public NarrativeReader(SourceDocument doc) => _doc = doc;

    public string? Agency { get; private set; }

    public int? Year { get; private set; }

    public SourceRow? TitleRow { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public SourceRow? DateRow { get; private set; }

    /// <summary>The heading row of each part found (index 0 = 一), null where the heading is missing.</summary>
    public SourceRow?[] Headings { get; } = new SourceRow?[6];

    /// <summary>Each part's paragraphs, in order.</summary>
    public List<Paragraph> Paragraphs { get; } = [];

    public void Read(ReportSections sections)
    {
        var rows = _doc.Rows;
        var start = ReadTitle(rows);
        var last = -1;
        var buckets = new List<SourceRow>[6];
        for (var k = 0; k < 6; k++)
        {
            buckets[k] = [];
        }

        for (var i = start; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!row.IsTable && HeadingIndex(row.Text) is { } k && k > last)
            {
                Headings[k] = row;
                last = k;
                continue;
            }

            buckets[Math.Max(last, 0)].Add(row);
        }

        // The signature, its date and page numbers close the last part: they are not its text.
        var tail = buckets[Math.Max(last, 0)];
        while (tail.Count > 0)
        {
            var row = tail[^1];
            if (row.IsTable)
            {
                if (row.Cells.All(c => CellText.Clean(c).Length == 0 || PageNumberRegex().IsMatch(CellText.Clean(c))))
                {
                    tail.RemoveAt(tail.Count - 1);
                    continue;
                }

                break;
            }

            var text = CellText.Clean(Markdown(row.Text));
            if (text.Length == 0 || PageNumberRegex().IsMatch(text) || IsChrome(text))
            {
                tail.RemoveAt(tail.Count - 1);
            }
            else if (PublishedOn is null && ParseDate(text) is { } date)
            {
                PublishedOn = date;
                DateRow = row;
                tail.RemoveAt(tail.Count - 1);
            }
            else if (IsSignature(text))
            {
                _signature = CellText.Label(text);
                tail.RemoveAt(tail.Count - 1);
            }
            else
            {
                break;
            }
        }

        Agency ??= PublisherLine(rows) ?? (_signature is { Length: >= 4 } signed && !signed.Any(char.IsAsciiDigit) ? signed : null);

        var threshold = _doc.Layout ? 20 : 40;
        for (var k = 0; k < 6; k++)
        {
            var tableParts = k is 1 or 2 or 3;
            var lines = new List<(string Text, SourceRow Row)>();
            foreach (var row in buckets[k])
            {
                if (row.IsTable)
                {
                    continue;
                }

                var text = Markdown(row.Text).Trim().Trim('\u00A0', '\u3000', '\u200B');
                if (_buffer.Length < text.Length)
                {
                    _buffer = new char[Math.Max(text.Length, 2 * _buffer.Length)];
                }

                // Cleaned into a buffer kept for the whole report: most lines are paragraphs that are only looked at.
                var clean = CellText.Clean(text, _buffer);
                if (clean.Length == 0 || CellText.IsRule(clean) || clean.Trim("-*_ ").Length == 0 || PageNumberRegex().IsMatch(clean))
                {
                    continue;
                }

                // In the parts with tables, short lines without sentence punctuation are pieces of the table.
                if (tableParts && clean.Length < 30 && clean.IndexOfAny(['。', '，', '；', ',', ';']) < 0)
                {
                    continue;
                }

                lines.Add((text, row));
            }

            var joined = Join(k, lines, threshold);
            sections.TrySet(SectionKeys[k], joined.Count == 0 ? null : string.Join("\n", joined.Select(p => p.Text)));
            Paragraphs.AddRange(joined);
        }
    }

    /// <summary>Joins a line that ends mid-sentence with the next, unless the next one starts a new heading or item.</summary>
    private static List<Paragraph> Join(int section, List<(string Text, SourceRow Row)> lines, int threshold)
    {
        var result = new List<Paragraph>();
        StringBuilder? current = null;
        SourceRow? first = null;
        foreach (var (text, row) in lines)
        {
            if (current is not null && first is not null)
            {
                // Only the length and the last character are looked at, so that joining stays linear.
                if (current.Length >= threshold && !EndsSentence(current[^1]) && !StartsItem(text))
                {
                    current.Append(text);
                    continue;
                }

                result.Add(new Paragraph(SectionKeys[section], current.ToString(), first));
            }

            current = new StringBuilder(text);
            first = row;
        }

        if (current is not null && first is not null)
        {
            result.Add(new Paragraph(SectionKeys[section], current.ToString(), first));
        }

        return result;
    }

    private static bool EndsSentence(string text) => text.Length > 0 && EndsSentence(text[^1]);

    private static bool EndsSentence(char last) => "。！？!?；;：:…”\"’）)」』】》".Contains(last, StringComparison.Ordinal);

    private static bool StartsItem(string text) => ItemStartRegex().IsMatch(text);

    private string? _signature;

    /// <summary>
    /// A web page's chrome around the report, which crawlers and CMS pages keep: breadcrumbs (首页 &gt; 政务公开),
    /// the 发布机构/发布日期/浏览次数 line, font-size and print links, the footer (主办单位, 网站标识码, ICP备).
    /// </summary>
    internal static bool IsChrome(string text) => ChromeRegex().IsMatch(text);

    /// <summary>The agency a page names as its publisher (发布机构：某某局), among the first lines.</summary>
    private static string? PublisherLine(IReadOnlyList<SourceRow> rows)
    {
        for (var i = 0; i < rows.Count && i < 30; i++)
        {
            if (!rows[i].IsTable && PublisherRegex().Match(rows[i].Text) is { Success: true } m)
            {
                return CellText.Label(m.Groups[1].Value);
            }
        }

        return null;
    }

    private int ReadTitle(IReadOnlyList<SourceRow> rows)
    {
        var first = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].IsTable && i < 12 && IsChrome(CellText.Clean(rows[i].Text)))
            {
                continue;
            }

            if (!rows[i].IsTable && CellText.Clean(rows[i].Text).Length > 0)
            {
                first = i;
                break;
            }

            if (rows[i].IsTable)
            {
                break;
            }
        }

        if (first < 0)
        {
            return 0;
        }

        var title = new StringBuilder();
        for (var i = first; i < rows.Count && i < first + 3; i++)
        {
            if (rows[i].IsTable)
            {
                break;
            }

            var part = CellText.Label(Markdown(rows[i].Text));
            if (HeadingIndex(rows[i].Text) is not null || part.Length > 60)
            {
                break;
            }

            title.Append(part);
            if (TitleEndRegex().IsMatch(title.ToString()))
            {
                TitleRow = rows[first];
                ReadAgencyAndYear(title.ToString());
                return i + 1;
            }
        }

        // No title ending in 报告: take the first line when it names a year, and keep it out of the text.
        var line = CellText.Label(Markdown(rows[first].Text));
        if (line.Length <= 60 && YearRegex().IsMatch(line) && line.Contains("公开", StringComparison.Ordinal))
        {
            TitleRow = rows[first];
            ReadAgencyAndYear(line);
            return first + 1;
        }

        return first;
    }

    private void ReadAgencyAndYear(string title)
    {
        var m = TitleRegex().Match(title);
        if (!m.Success)
        {
            return;
        }

        if (ChineseNumerals.TryParse(m.Groups["year"].Value, out var year))
        {
            Year = year;
        }

        var pre = MetadataPrefixRegex().Replace(m.Groups["pre"].Value, string.Empty).Trim('(', ')', '《', '》');
        if (pre.StartsWith("关于", StringComparison.Ordinal))
        {
            pre = pre[2..];
        }

        if (pre.Length >= 2)
        {
            Agency = pre;
            return;
        }

        var post = m.Groups["post"].Value;
        var cut = AgencyEndRegex().Match(post);
        if (cut.Success && cut.Index >= 2)
        {
            Agency = post[..cut.Index];
        }
    }

    /// <summary>The report year from the text when the title gives none (统计期限自2019年1月1日…).</summary>
    public int? YearFromText()
    {
        foreach (var p in Paragraphs)
        {
            var m = PeriodRegex().Match(CellText.Label(p.Text));
            if (m.Success && ChineseNumerals.TryParse(m.Groups[1].Value, out var y))
            {
                return y;
            }
        }

        return null;
    }

    /// <summary>The part (0 = 一 … 5 = 六) a line is the heading of, or null.</summary>
    public static int? HeadingIndex(string line)
    {
        // Most lines are paragraphs far longer than a heading: measured before the label is built.
        var text = Markdown(line);
        if (CellText.LabelLength(text) is < 4 or > 40)
        {
            return null;
        }

        var s = CellText.Label(text);

        var m = HeadingRegex().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var n = m.Groups[1].Value;
        var k = "一二三四五六".IndexOf(n[0], StringComparison.Ordinal);
        if (k < 0)
        {
            k = n[0] - '1';
        }

        var rest = m.Groups[2].Value;
        return k is >= 0 and < 6 && HeadingWords[k].Any(w => rest.Contains(w, StringComparison.Ordinal)) ? k : null;
    }

    private bool IsSignature(string text)
    {
        if (text.Length is < 4 or > 40 || text.IndexOfAny(['。', '，', '；', ',', ';', '：']) >= 0)
        {
            return false;
        }

        var label = CellText.Label(text);
        if (Agency is { Length: >= 2 } agency && (label.Contains(agency, StringComparison.Ordinal) || agency.Contains(label, StringComparison.Ordinal)))
        {
            return true;
        }

        return SignatureEndRegex().IsMatch(label);
    }

    /// <summary>A line that is only a date (2020年1月7日, 二〇二〇年一月七日).</summary>
    internal static DateOnly? ParseDate(string text)
    {
        var m = DateRegex().Match(CellText.Label(text));
        if (!m.Success
            || !ChineseNumerals.TryParse(m.Groups[1].Value, out var y)
            || !ChineseNumerals.TryParse(m.Groups[2].Value, out var mo)
            || !ChineseNumerals.TryParse(m.Groups[3].Value, out var d))
        {
            return null;
        }

        return y is >= 1990 and <= 2200 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    /// <summary>Markdown marks removed: heading hashes, bold, autolink brackets.</summary>
    internal static string Markdown(string line)
    {
        if (line.Length == 0)
        {
            return line;
        }

        var s = line;
        if (s.TrimStart().StartsWith('#'))
        {
            s = s.TrimStart().TrimStart('#');
        }

        if (s.Contains("**", StringComparison.Ordinal))
        {
            s = s.Replace("**", string.Empty, StringComparison.Ordinal);
        }

        if (s.Contains('<', StringComparison.Ordinal))
        {
            s = AutolinkRegex().Replace(s, "$1");
        }

        return s;
    }

    [GeneratedRegex(@"^第?([一二三四五六1-6])(?:、|\.|,|部分)(.*)$")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^(?:首页|当前位置|您的位置|您现在的位置|位置[:：])|[>»＞›]|主办单位|承办单位|网站标识码|ICP备|版权所有|扫一扫|打印本页|关闭窗口|【字体|字号[:：]|浏览次数|发布机构[:：]|发布日期[:：]")]
    private static partial Regex ChromeRegex();

    [GeneratedRegex(@"发布机构[:：]\s*([^\s\u3000]{2,40})")]
    private static partial Regex PublisherRegex();

    /// <summary>What page metadata puts before a title: 标题:, 正文, a breadcrumb up to its last 〉.</summary>
    [GeneratedRegex(@"^(?:.*[>»＞›])?(?:标题|题目|文章标题|正文)?[:：]?(?:正文)?")]
    private static partial Regex MetadataPrefixRegex();

    [GeneratedRegex(@"报告\)?$")]
    private static partial Regex TitleEndRegex();

    [GeneratedRegex(@"^(?<pre>.*?)(?<year>(?:19|20)\d{2}|二[〇零○][〇零○一二三四五六七八九]{2})年度?(?<post>.*)$")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"(?:19|20)\d{2}年")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"政府信息公开|政务公开|信息公开|年度|工作报告")]
    private static partial Regex AgencyEndRegex();

    [GeneratedRegex(@"(?:统计期限|统计时限|统计期间|数据统计)[^0-9]{0,6}((?:19|20)\d{2})年1月1日")]
    private static partial Regex PeriodRegex();

    [GeneratedRegex(@"^((?:19|20)\d{2}|[二][〇零○][〇零○一二三四五六七八九]{2})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^[\s\d()（）\-—_第页共/|·.]+$")]
    private static partial Regex PageNumberRegex();

    [GeneratedRegex(@"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|[一二三四五六七八九十]是)")]
    private static partial Regex ItemStartRegex();

    [GeneratedRegex(@"(?:局|委员会|委|政府|办公室|办|中心|厅|部|院|署|会|处|站|所|街道办事处)$")]
    private static partial Regex SignatureEndRegex();

    [GeneratedRegex(@"<((?:https?://|/)[^<>\s]*)>")]
    private static partial Regex AutolinkRegex();
}
