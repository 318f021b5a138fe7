using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Gongkai.Documents.Reading;

/// <summary>
/// HTML (agency web pages, Word-made HTML) → lines of cells: each block of text is a narrative line, each
/// table row a row of cells with rowspan/colspan expanded. Line numbers are those of the HTML source.
/// </summary>
internal static class HtmlSource
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE", "TR", "CENTER", "HEADER", "FOOTER", "MAIN", "UL", "OL", "DL", "DT", "DD", "FORM", "HR",
    };

    public static SourceDocument Parse(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(HtmlFlattener.Flatten(html));
        var rows = new List<SourceRow>();
        var walker = new Walker(rows);
        if (document.Body is { } body)
        {
            walker.Visit(body, 0);
        }

        walker.Flush();
        return new SourceDocument(SourceFormat.Html, rows);
    }

    private static int LineOf(INode node)
    {
        for (var n = node; n is not null; n = n.Parent)
        {
            if (n is IElement { SourceReference: { } source })
            {
                return source.Position.Line;
            }
        }

        return 0;
    }

    private sealed class Walker(List<SourceRow> rows)
    {
        private readonly System.Text.StringBuilder _line = new();
        private int _lineNo;
        private int _lineOffset;

        public void Visit(INode node, int depth)
        {
            if (depth > 200)
            {
                return;
            }

            switch (node)
            {
                case IText text:
                    if (_line.Length == 0)
                    {
                        _lineNo = LineOf(node) + _lineOffset;
                    }

                    _line.Append(Collapse(text.Data));
                    return;
                case IHtmlTableElement table:
                    Flush();
                    ReadTable(table);
                    return;
                case IElement element:
                    var name = element.TagName;
                    if (name == "SCRIPT" && depth < 100)
                    {
                        // A CMS page may keep the report in a script (let content = "<table …>"; JSON data).
                        foreach (var embedded in ScriptHtml.Extract(element.TextContent))
                        {
                            Flush();
                            var baseLine = LineOf(element);
                            var inner = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(HtmlFlattener.Flatten(embedded));
                            if (inner.Body is { } innerBody)
                            {
                                var walker = new Walker(rows) { _lineOffset = baseLine - 1 };
                                walker.Visit(innerBody, depth + 1);
                                walker.Flush();
                            }
                        }

                        return;
                    }

                    if (name is "SCRIPT" or "STYLE" or "NOSCRIPT" or "TEMPLATE" or "HEAD")
                    {
                        return;
                    }

                    if (name == "BR")
                    {
                        Flush();
                        return;
                    }

                    var block = Blocks.Contains(name);
                    if (block)
                    {
                        Flush();
                    }

                    foreach (var child in element.ChildNodes)
                    {
                        Visit(child, depth + 1);
                    }

                    if (block)
                    {
                        Flush();
                    }

                    return;
                default:
                    return;
            }
        }

        public void Flush()
        {
            if (_line.Length > 0)
            {
                var text = _line.ToString().Trim();
                if (text.Length > 0)
                {
                    rows.Add(new SourceRow(_lineNo, 1, [text], false));
                }

                _line.Clear();
            }
        }

        private void ReadTable(IHtmlTableElement table)
        {
            var grid = new GridBuilder();
            var lines = new List<int>();
            foreach (var tr in table.Rows)
            {
                // Rows of a table nested in a cell belong to that inner table, read as the cell's text.
                if (tr.Closest("table") != table)
                {
                    continue;
                }

                grid.StartRow();
                lines.Add(LineOf(tr) + _lineOffset);
                foreach (var cell in tr.Cells)
                {
                    grid.AddCell(CellTextOf(cell), cell.ColumnSpan, cell.RowSpan);
                }
            }

            var result = grid.Finish();
            for (var i = 0; i < result.Count && i < lines.Count; i++)
            {
                rows.Add(new SourceRow(lines[i], 1, [.. result[i]], true));
            }
        }

        private static string CellTextOf(IElement cell)
        {
            // Lines inside a cell are a label wrapped by the layout: join them.
            var sb = new System.Text.StringBuilder();
            foreach (var t in cell.Descendants<IText>())
            {
                sb.Append(Collapse(t.Data));
            }

            return sb.ToString().Trim(' ');
        }

        /// <summary>
        /// Runs of spaces become one space; a run that holds a line break becomes nothing, since the source's
        /// line breaks fall inside Chinese words (<c>政府信\n息公开</c>).
        /// </summary>
        private static string Collapse(string s)
        {
            var sb = new System.Text.StringBuilder(s.Length);
            var i = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (c is ' ' or '\t' or '\r' or '\n')
                {
                    var breaks = false;
                    while (i < s.Length && s[i] is ' ' or '\t' or '\r' or '\n')
                    {
                        breaks |= s[i] == '\n';
                        i++;
                    }

                    if (!breaks)
                    {
                        sb.Append(' ');
                    }

                    continue;
                }

                sb.Append(c);
                i++;
            }

            return sb.ToString();
        }
    }
}
