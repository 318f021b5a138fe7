using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Gongkai.Documents.Tests.Rendering;

/// <summary>
/// A rendered HTML table as the grid a reader sees: rowspan and colspan expanded, so the text at (row, column)
/// is what stands in that place on the page.
/// </summary>
internal sealed class HtmlGrid
{
    private readonly List<string?[]> _rows = [];

    public HtmlGrid(IHtmlTableElement table)
    {
        var width = 0;
        var pending = new Dictionary<(int Row, int Col), string>();
        var r = 0;
        foreach (var row in table.Rows)
        {
            var cells = new List<string?>();
            var c = 0;
            foreach (var cell in row.Cells)
            {
                while (pending.Remove((r, c), out var spanned))
                {
                    Set(cells, c++, spanned);
                }

                var text = Normalize(cell.TextContent);
                for (var dc = 0; dc < Math.Max(1, cell.ColumnSpan); dc++)
                {
                    for (var dr = 1; dr < Math.Max(1, cell.RowSpan); dr++)
                    {
                        pending[(r + dr, c)] = text;
                    }

                    Set(cells, c++, text);
                }
            }

            while (pending.Remove((r, c), out var trailing))
            {
                Set(cells, c++, trailing);
            }

            width = Math.Max(width, cells.Count);
            _rows.Add([.. cells]);
            r++;
        }

        Width = width;
    }

    public int Width { get; }

    public int RowCount => _rows.Count;

    public string? this[int row, int column] => column < _rows[row].Length ? _rows[row][column] : null;

    public static string Normalize(string text) => string.Concat(text.Where(ch => !char.IsWhiteSpace(ch)));

    /// <summary>The first row whose cells at the given columns hold exactly these texts.</summary>
    public int FindRow(params (int Column, string Text)[] labels)
    {
        for (var r = 0; r < _rows.Count; r++)
        {
            if (labels.All(l => this[r, l.Column] == Normalize(l.Text)))
            {
                return r;
            }
        }

        throw new Xunit.Sdk.XunitException($"No row with {string.Join(", ", labels.Select(l => $"[{l.Column}]={l.Text}"))}");
    }

    public static IHtmlTableElement Table(IDocument document, string cssClass) =>
        (IHtmlTableElement)(document.QuerySelector($"table.{cssClass}")
            ?? throw new Xunit.Sdk.XunitException($"No table.{cssClass} in the page"));

    private static void Set(List<string?> cells, int column, string text)
    {
        while (cells.Count <= column)
        {
            cells.Add(null);
        }

        cells[column] = text;
    }
}
