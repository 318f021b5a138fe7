using System.Text.RegularExpressions;

namespace Gongkai.Documents.Reading;

/// <summary>
/// Plain text and Markdown (as Word and PDF exporters write them) → lines of cells. Recognised table shapes:
/// tab-separated rows; Word's one-cell-per-line blocks (each cell line starts with a tab, a cell's text may
/// wrap onto lines without a tab, rows are separated by blank lines); pipe tables; and, for
/// <c>pdftotext -layout</c> output, columns separated by runs of two or more spaces.
/// </summary>
internal static partial class TextSource
{
    public static SourceDocument Parse(string text, SourceFormat format = SourceFormat.Text)
    {
        var columnsByWhitespace = format == SourceFormat.Pdf || LooksLikeLayout(text);
        var lines = text.Split('\n');
        var rows = new List<SourceRow>(lines.Length);
        var page = 1;
        var pageStart = 0;
        var pages = new int[lines.Length];
        var lineOnPage = new int[lines.Length];
        for (var k = 0; k < lines.Length; k++)
        {
            var l = lines[k];
            if (l.EndsWith('\r'))
            {
                l = l[..^1];
            }

            // pdftotext separates pages with a form feed at the start of the next page's first line.
            var feeds = l.AsSpan().Count('\f');
            if (feeds > 0)
            {
                page += feeds;
                pageStart = k;
                l = l.Replace("\f", string.Empty, StringComparison.Ordinal);
            }

            lines[k] = StripNoise(l);
            pages[k] = page;
            lineOnPage[k] = k - pageStart + 1;
        }

        int LineNo(int k) => columnsByWhitespace ? lineOnPage[k] : k + 1;

        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (IsBlankLine(line))
            {
                i++;
                continue;
            }

            if (IsCellLine(line))
            {
                var end = i;
                var blockIsCells = true;
                while (end < lines.Length && !IsBlankLine(lines[end]))
                {
                    var l = lines[end];
                    var tabs = l.AsSpan().Count('\t');
                    if (tabs > 1 || (tabs == 1 && l[0] != '\t'))
                    {
                        blockIsCells = false;
                    }

                    end++;
                }

                if (blockIsCells)
                {
                    var cells = new List<string>();
                    for (var k = i; k < end; k++)
                    {
                        if (lines[k][0] == '\t')
                        {
                            cells.Add(lines[k][1..]);
                        }
                        else
                        {
                            // A cell's text wrapped onto the next line (Word export): re-join it.
                            cells[^1] += lines[k].Trim();
                        }
                    }

                    rows.Add(new SourceRow(LineNo(i), pages[i], [.. cells], true));
                    i = end;
                    continue;
                }
            }

            rows.Add(ParseLine(line, LineNo(i), pages[i], columnsByWhitespace));
            i++;
        }

        if (!columnsByWhitespace && rows.Count(r => r.IsTable) < 5)
        {
            rows = SplitRunTogetherRows(rows);
        }

        return new SourceDocument(format, rows) { Layout = columnsByWhitespace };
    }

    /// <summary>
    /// Page text a crawler saved holds no table, only lines where a row's label is followed by its cells run
    /// together (<c>一、本年新收政府信息公开申请数量1800 02020</c>), several rows of a group on one line
    /// (<c>4.保护第三方合法权益2000002 5.属于三类内部事务信息…</c>), and section 四 as one line of digits. Each becomes a
    /// <see cref="SourceRow.RunTogether"/> row of label and run, split later by the table's arithmetic.
    /// </summary>
    private static List<SourceRow> SplitRunTogetherRows(List<SourceRow> rows)
    {
        var result = new List<SourceRow>(rows.Count);
        foreach (var row in rows)
        {
            var text = row.IsTable ? null : row.Text.Trim(' ', '\t', '\r', '\u3000');
            if (text is null || text.Length is < 2 or > 400)
            {
                result.Add(row);
                continue;
            }

            if (DigitLine().IsMatch(text) && text.Count(char.IsAsciiDigit) >= 10)
            {
                result.Add(new SourceRow(row.Line, row.Page, [string.Empty, text], true) { RunTogether = true });
                continue;
            }

            Match m;
            try
            {
                m = RunRows().Match(text);
            }
            catch (RegexMatchTimeoutException)
            {
                result.Add(row);
                continue;
            }

            if (!m.Success)
            {
                result.Add(row);
                continue;
            }

            var labels = m.Groups["label"].Captures;
            var runs = m.Groups["run"].Captures;
            for (var k = 0; k < labels.Count; k++)
            {
                result.Add(new SourceRow(row.Line, row.Page, [labels[k].Value.Trim(), runs[k].Value], true) { RunTogether = true });
            }
        }

        return result;
    }

    /// <summary>
    /// Whether plain text is <c>pdftotext -layout</c> output saved by another tool: no tabs or pipe tables, and
    /// many lines whose words stand in columns (a run of three or more spaces between two words), or page feeds.
    /// </summary>
    internal static bool LooksLikeLayout(string text)
    {
        if (text.Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }

        int lines = 0, columned = 0, piped = 0;
        var start = 0;
        while (start < text.Length && lines < 2000)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start).Trim();
            start = end + 1;
            if (line.IsEmpty)
            {
                continue;
            }

            lines++;
            if (line[0] == '|')
            {
                piped++;
            }
            else if (line.IndexOf("   ".AsSpan(), StringComparison.Ordinal) > 0)
            {
                columned++;
            }
        }

        return piped < 3 && columned >= 8 && (columned * 5 >= lines || text.Contains('\f', StringComparison.Ordinal));
    }

    /// <summary>A line with nothing on it; a line holding only a tab is an empty cell, not a blank line.</summary>
    private static bool IsBlankLine(string line) => (line.Length == 0 || line[0] != '\t') && string.IsNullOrWhiteSpace(line);

    private static bool IsCellLine(string line) => line.Length > 0 && line[0] == '\t' && line.IndexOf('\t', 1) < 0;

    private static SourceRow ParseLine(string line, int lineNo, int page, bool columnsByWhitespace)
    {
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return new SourceRow(lineNo, page, line.Split('\t'), true);
        }

        var trimmed = line.Trim();
        if (trimmed.Length > 1 && trimmed[0] == '|' && trimmed.AsSpan().Count('|') >= 2)
        {
            var inner = trimmed.EndsWith('|') ? trimmed[1..^1] : trimmed[1..];
            return new SourceRow(lineNo, page, inner.Split('|').Select(c => c.Trim(' ')).ToArray(), true);
        }

        if (columnsByWhitespace)
        {
            var body = line.TrimStart();
            var cells = ColumnGap().Split(body.TrimEnd());
            if (cells.Length > 1)
            {
                return new SourceRow(lineNo, page, SplitNumberRuns(cells), true);
            }

            // A short label and one number with a single space between them (行政事业性收费 12.3456).
            if (body.Length <= 30 && body.IndexOfAny(['。', '，', '；']) < 0 && LabelThenNumber().IsMatch(body.Trim()))
            {
                return new SourceRow(lineNo, page, SplitNumberRuns([body.Trim()]), true);
            }
        }

        return new SourceRow(lineNo, page, [line], false);
    }

    /// <summary>
    /// pdftotext sometimes leaves one space between two columns: between two numbers (<c>0 0</c>), or between a
    /// label and its first number (<c>行政规范性文件 5</c>). Split them.
    /// </summary>
    private static string[] SplitNumberRuns(string[] cells)
    {
        var result = new List<string>(cells.Length + 2);
        foreach (var c in cells)
        {
            if (NumberRun().IsMatch(c))
            {
                result.AddRange(c.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (LabelThenNumber().Match(c) is { Success: true } m)
            {
                result.Add(m.Groups[1].Value);
                result.Add(m.Groups[2].Value);
            }
            else
            {
                result.Add(c);
            }
        }

        return [.. result];
    }

    /// <summary>Word's bookmark residue, which exporters leave in front of a paragraph.</summary>
    private static string StripNoise(string line) =>
        line.Contains("[bookmark:", StringComparison.Ordinal) ? Bookmark().Replace(line, string.Empty) : line;

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex ColumnGap();

    [GeneratedRegex(@"^\d+(?: \d+)+$")]
    private static partial Regex NumberRun();

    [GeneratedRegex(@"^(.*[^\d\s.,]) (\d+(?:\.\d+)?)$")]
    private static partial Regex LabelThenNumber();

    /// <summary>Label (an item number 1. may lead it, no digits otherwise, no 。 or ：) then a run of digits, NBSPs, spaces and 增/减, up to the next numbered label or the end.</summary>
    [GeneratedRegex(@"^(?:\s*(?<label>(?:\d{1,2}[.、](?=[^\d\s.])|[^\d\u00A0。：:])+?)(?<run>[\d\u00A0](?:[\d\u00A0 .增减-]*[\d\u00A0元增减])?)(?=\s+\d{1,2}[.、][^\d\s.]|\s+[（(][一二三四五六七][)）]|\s*$))+$", RegexOptions.None, 200)]
    private static partial Regex RunRows();

    [GeneratedRegex(@"^[\d\u00A0 ]+$")]
    private static partial Regex DigitLine();

    [GeneratedRegex(@"\[bookmark: [^\]]*\]")]
    private static partial Regex Bookmark();
}
