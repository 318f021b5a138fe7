using System.Globalization;
using System.Text;
using Gongkai.Documents.Notices;
using Gongkai.Documents.Rendering.Docx;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.Documents.Rendering.Pdf;

/// <summary>
/// A document laid out from the top of A4 pages down (GB/T 9704 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm
/// right): a centred title, headings, indented paragraphs, tables described as a <see cref="GridTable"/> (header rows
/// repeated on every page, rows held together where a cell is merged across them), and the 落款 right-aligned. The
/// fonts are the two embedded TrueType faces of <see cref="NoticePdf"/> (docs/adr/0010); each page carries its
/// number (— 1 —) below the type area.
/// </summary>
internal sealed class PdfFlow : IDisposable
{
    private const double TitleSize = 20;
    private const double HeadingSize = 15;
    private const double BodySize = 14;
    private const double TableSize = 9.5;
    private const double CellPadding = 3;
    private static readonly double Left = XUnit.FromMillimeter(28).Point;
    private static readonly double Top = XUnit.FromMillimeter(37).Point;
    private static readonly double Width = XUnit.FromMillimeter(210 - 28 - 26).Point;
    private static readonly double Bottom = XUnit.FromMillimeter(297 - 35).Point;
    private const string ClosingPunctuation = "，。、；：？！”’）》〉】」』…,.;:?!)%";

    private readonly PdfDocument _document = new();
    private readonly XFont _title;
    private readonly XFont _heading;
    private readonly XFont _body;
    private readonly XFont _table;
    private readonly XFont _tableHeading;
    private readonly XFont _pageNumber;
    private readonly Dictionary<(XFont Font, int Rune), double> _widths = [];
    private XGraphics? _g;
    private double _y;

    private PdfFlow(string title, string author)
    {
        NoticePdf.Configure();
        _document.Info.Title = title;
        _document.Info.Author = author;
        _document.Info.Creator = "Gongkai";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        _title = new XFont(NoticePdf.TitleFace, TitleSize, XFontStyleEx.Regular, options);
        _heading = new XFont(NoticePdf.TitleFace, HeadingSize, XFontStyleEx.Regular, options);
        _body = new XFont(NoticePdf.BodyFace, BodySize, XFontStyleEx.Regular, options);
        _table = new XFont(NoticePdf.BodyFace, TableSize, XFontStyleEx.Regular, options);
        _tableHeading = new XFont(NoticePdf.TitleFace, TableSize, XFontStyleEx.Regular, options);
        _pageNumber = new XFont(NoticePdf.TitleFace, 12, XFontStyleEx.Regular, options);
        NewPage();
    }

    /// <summary>A new document, or null when the fonts are not installed.</summary>
    public static PdfFlow? Create(string title, string author) => NoticePdf.Available ? new PdfFlow(title, author) : null;

    private XGraphics G => _g!;

    /// <summary>The title, centred, with space below.</summary>
    public void Title(string text)
    {
        var lines = Wrap(text, _title, Width - (2 * TitleSize), 0);
        if (lines.Count > 1)
        {
            // Balanced lines (梯形 or 菱形, GB/T 9704 §7.3.1): no line of one or two characters left at the end.
            lines = Wrap(text, _title, (Measure(text, _title) / lines.Count) + TitleSize, 0);
        }

        foreach (var line in lines)
        {
            var height = TitleSize * 1.5;
            Ensure(height);
            DrawText(line, _title, Left + ((Width - Measure(line, _title)) / 2), _y, height);
            _y += height;
        }

        _y += BodySize;
    }

    /// <summary>A heading, flush left, kept with at least two lines of what follows.</summary>
    public void Heading(string text)
    {
        var height = HeadingSize * 1.7;
        Ensure(height + (BodySize * 3.4));
        _y += HeadingSize * 0.4;
        foreach (var line in Wrap(text, _heading, Width, 0))
        {
            Ensure(height);
            DrawText(line, _heading, Left, _y, height);
            _y += height;
        }
    }

    /// <summary>A paragraph, its first line indented two characters.</summary>
    public void Paragraph(string text, bool indent = true)
    {
        var height = BodySize * 1.7;
        var first = true;
        foreach (var line in Wrap(text, _body, Width, indent ? 2 * BodySize : 0))
        {
            Ensure(height);
            DrawText(line, _body, Left + (first && indent ? 2 * BodySize : 0), _y, height);
            _y += height;
            first = false;
        }
    }

    /// <summary>Vertical space of <paramref name="lines"/> body lines.</summary>
    public void Space(double lines = 1) => _y += BodySize * 1.7 * lines;

    /// <summary>The 落款: the agency and the date, right-aligned four characters from the margin.</summary>
    public void Signature(string agency, string date)
    {
        var height = BodySize * 1.7;
        Ensure((3 * height) + 1);
        _y += height;
        foreach (var line in new[] { agency, date })
        {
            DrawText(line, _body, Left + Width - (4 * BodySize) - Measure(line, _body), _y, height);
            _y += height;
        }
    }

    /// <summary>
    /// A table across the type area, its columns in the proportions of the grid's widths. The header rows repeat at
    /// the top of every page the table runs onto; a page breaks only between rows that no merged cell joins.
    /// </summary>
    public void Table(GridTable grid, double minRowHeight = 0)
    {
        var cells = grid.Cells;
        var rowCount = cells.Max(c => c.Row + c.RowSpan);
        var scale = Width / grid.ColumnWidths.Sum();
        var x = new double[grid.ColumnWidths.Count + 1];
        x[0] = Left;
        for (var i = 0; i < grid.ColumnWidths.Count; i++)
        {
            x[i + 1] = x[i] + (grid.ColumnWidths[i] * scale);
        }

        var lineHeight = TableSize * 1.35;
        var lines = cells.ToDictionary(c => c, c => Wrap(c.Text, FontOf(c), x[c.Column + c.ColumnSpan] - x[c.Column] - (2 * CellPadding), 0).ToList());
        var heights = Enumerable.Repeat(minRowHeight, rowCount).ToArray();
        foreach (var cell in cells.Where(c => c.RowSpan == 1))
        {
            heights[cell.Row] = Math.Max(heights[cell.Row], (lines[cell].Count * lineHeight) + (2 * CellPadding));
        }

        foreach (var cell in cells.Where(c => c.RowSpan > 1).OrderBy(c => c.Row))
        {
            var need = (lines[cell].Count * lineHeight) + (2 * CellPadding);
            var have = heights.Skip(cell.Row).Take(cell.RowSpan).Sum();
            if (need > have)
            {
                heights[cell.Row + cell.RowSpan - 1] += need - have;
            }
        }

        // Blocks of rows a page should not break: a merged cell joins the rows it spans. A block taller than a third
        // of a page (section 三's 三、本年度办理结果 spans twenty rows) breaks between its rows, as Word does: the merged
        // cell continues on the next page, its label repeated there.
        var header = Math.Min(grid.HeaderRows, rowCount);
        var headerHeight = heights.Take(header).Sum();
        var units = new List<(int Start, int End)>();
        var start = header;
        for (var r = header + 1; r <= rowCount; r++)
        {
            if (r == rowCount || !cells.Any(c => c.Row < r && r < c.Row + c.RowSpan))
            {
                if (heights.Skip(start).Take(r - start).Sum() > (Bottom - Top) / 3)
                {
                    units.AddRange(Enumerable.Range(start, r - start).Select(i => (i, i + 1)));
                }
                else
                {
                    units.Add((start, r));
                }

                start = r;
            }
        }

        // Lay the rows out on pages first (page 0 is the current one), then draw page by page.
        var page = new int[rowCount];
        var top = new double[rowCount];
        var y = _y;
        var onPage = 0;
        var firstHeight = units.Count > 0 ? heights.Skip(units[0].Start).Take(units[0].End - units[0].Start).Sum() : 0;
        if (y + headerHeight + firstHeight > Bottom && y > Top)
        {
            onPage = 1;
            y = Top;
        }

        for (var r = 0; r < header; r++)
        {
            (page[r], top[r]) = (onPage, y);
            y += heights[r];
        }

        foreach (var (from, to) in units)
        {
            var height = heights.Skip(from).Take(to - from).Sum();
            if (y + height > Bottom && y > Top + headerHeight)
            {
                onPage++;
                y = Top + headerHeight;
            }

            for (var r = from; r < to; r++)
            {
                (page[r], top[r]) = (onPage, y);
                y += heights[r];
            }
        }

        var pen = new XPen(XColors.Black, 0.6);
        for (var p = 0; p <= onPage; p++)
        {
            if (p > 0)
            {
                NewPage();
            }

            if (p > 0 || page[0] == p)
            {
                // The header rows, at the top of every page after the first.
                var headerTop = p == page[0] ? top[0] : Top;
                foreach (var cell in cells.Where(c => c.Row < header))
                {
                    DrawCell(cell, headerTop + heights.Take(cell.Row).Sum(), heights.Skip(cell.Row).Take(cell.RowSpan).Sum());
                }
            }

            foreach (var cell in cells.Where(c => c.Row >= header))
            {
                var rows = Enumerable.Range(cell.Row, cell.RowSpan).Where(r => page[r] == p).ToList();
                if (rows.Count > 0)
                {
                    DrawCell(cell, top[rows[0]], rows.Sum(r => heights[r]));
                }
            }
        }

        _y = y + (BodySize * 0.6);

        void DrawCell(GridTable.Placed cell, double y0, double h)
        {
            var left = x[cell.Column];
            var w = x[cell.Column + cell.ColumnSpan] - left;
            G.DrawRectangle(pen, left, y0, w, h);
            var text = lines[cell];
            var font = FontOf(cell);
            var shown = text;
            if (text.Count * lineHeight > h)
            {
                // A merged label cut by the page: as many of its lines as the part on this page holds.
                shown = text.Take(Math.Max(1, (int)(h / lineHeight))).ToList();
            }

            var textTop = y0 + ((h - (shown.Count * lineHeight)) / 2);
            var centred = shown.Count == 1 && (cell.Kind != GridCellKind.Label || Measure(shown[0], font) < w * 0.6 || cell.Row < grid.HeaderRows);
            foreach (var line in shown)
            {
                var lx = centred ? left + ((w - Measure(line, font)) / 2) : left + CellPadding;
                DrawText(line, font, lx, textTop, lineHeight);
                textTop += lineHeight;
            }
        }
    }

    /// <summary>The PDF's bytes.</summary>
    public byte[] ToBytes()
    {
        _g?.Dispose();
        _g = null;
        using var buffer = new MemoryStream();
        _document.Save(buffer, closeStream: false);
        return buffer.ToArray();
    }

    public void Dispose()
    {
        _g?.Dispose();
        _document.Dispose();
    }

    private XFont FontOf(GridTable.Placed cell) => cell.Kind == GridCellKind.Heading ? _tableHeading : _table;

    private void Ensure(double height)
    {
        if (_y + height > Bottom && _y > Top)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _g?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        _g = XGraphics.FromPdfPage(page);
        _y = Top;

        // 页码 (GB/T 9704 §7.5): a dash either side, 7 mm below the type area, outside edge alternating.
        var n = _document.PageCount;
        var number = $"— {n.ToString(CultureInfo.InvariantCulture)} —";
        var size = G.MeasureString(number, _pageNumber);
        var footerY = Bottom + XUnit.FromMillimeter(7).Point + size.Height;
        G.DrawString(number, _pageNumber, XBrushes.Black, n % 2 == 1 ? Left + Width - size.Width - BodySize : Left + BodySize, footerY);
    }

    /// <summary>Draws one line with its baseline about three quarters down a line box of <paramref name="height"/>.</summary>
    private void DrawText(string text, XFont font, double x, double top, double height)
    {
        if (text.Length > 0)
        {
            G.DrawString(text, font, XBrushes.Black, x, top + (height / 2) + (font.Size * 0.36));
        }
    }

    private double Measure(string text, XFont font)
    {
        var total = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            total += RuneWidth(rune, font);
        }

        return total;
    }

    private double RuneWidth(Rune rune, XFont font)
    {
        if (!_widths.TryGetValue((font, rune.Value), out var width))
        {
            width = G.MeasureString(rune.ToString(), font).Width;
            _widths[(font, rune.Value)] = width;
        }

        return width;
    }

    /// <summary>Lines of at most <paramref name="width"/> points, the first <paramref name="indent"/> shorter; closing punctuation never starts a line, and a run of Latin letters and digits is not broken when it fits a line.</summary>
    private List<string> Wrap(string text, XFont font, double width, double indent)
    {
        var result = new List<string>();
        var line = new StringBuilder();
        var limit = width - indent;
        var used = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            var w = RuneWidth(rune, font);
            if (used + w > limit + 0.01 && line.Length > 0 && !ClosingPunctuation.Contains(s, StringComparison.Ordinal))
            {
                // Keep a number or a Latin word whole: carry its start to the next line.
                var carry = 0;
                while (carry < line.Length - 1 && IsWordChar(line[line.Length - 1 - carry]) && IsWordChar(s[0]))
                {
                    carry++;
                }

                var tail = carry > 0 && carry < line.Length ? line.ToString(line.Length - carry, carry) : string.Empty;
                result.Add(line.ToString(0, line.Length - tail.Length));
                line.Clear().Append(tail);
                used = Measure(tail, font);
                limit = width;
            }

            line.Append(s);
            used += w;
        }

        if (line.Length > 0 || result.Count == 0)
        {
            result.Add(line.ToString());
        }

        return result;

        static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '.';
    }
}
