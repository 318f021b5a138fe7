using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents.Rendering.Docx;

/// <summary>What a table cell holds, which decides its paragraph style.</summary>
internal enum GridCellKind
{
    /// <summary>A row or column label (五号).</summary>
    Label,

    /// <summary>A heading row of a block, e.g. 第二十条第（一）项.</summary>
    Heading,

    /// <summary>A statistic (小四).</summary>
    Number,
}

/// <summary>
/// A table described as a grid of placed cells, each with its row and column span, turned into WordprocessingML
/// with real merges: <c>w:gridSpan</c> across columns and <c>w:vMerge</c> restart/continue down rows. Placing
/// cells by grid position keeps the merges of the national formats readable and checked (every grid position is
/// covered exactly once, or building throws).
/// </summary>
internal sealed class GridTable(IReadOnlyList<int> columnWidths)
{
    private readonly List<Placed> _cells = [];
    private int _headerRows;

    /// <summary>The number of grid columns.</summary>
    public int ColumnCount => columnWidths.Count;

    /// <summary>Places a cell whose top-left corner is at (row, column).</summary>
    public void Place(int row, int column, string text, GridCellKind kind, int rowSpan = 1, int columnSpan = 1)
    {
        if (rowSpan < 1 || columnSpan < 1 || column + columnSpan > ColumnCount)
        {
            throw new ArgumentOutOfRangeException(nameof(columnSpan), $"Cell ({row},{column}) span {rowSpan}×{columnSpan} does not fit.");
        }

        _cells.Add(new Placed(row, column, rowSpan, columnSpan, text, kind));
    }

    /// <summary>The first <paramref name="rows"/> rows repeat at the top of every page (<c>w:tblHeader</c>).</summary>
    public void RepeatHeaderRows(int rows) => _headerRows = rows;

    /// <summary>The placed cells, in the order they were placed (for the PDF renderer).</summary>
    internal IReadOnlyList<Placed> Cells => _cells;

    /// <summary>How many rows repeat at the top of every page.</summary>
    internal int HeaderRows => _headerRows;

    /// <summary>The column widths in twips.</summary>
    internal IReadOnlyList<int> ColumnWidths => columnWidths;

    /// <summary>The WordprocessingML table.</summary>
    public Table Build()
    {
        var rowCount = _cells.Max(c => c.Row + c.RowSpan);
        var owner = new Placed?[rowCount, ColumnCount];
        foreach (var cell in _cells)
        {
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
            {
                for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
                {
                    if (owner[r, c] is not null)
                    {
                        throw new InvalidOperationException($"Grid position ({r},{c}) is covered twice.");
                    }

                    owner[r, c] = cell;
                }
            }
        }

        var table = new Table(TableProperties(), TableGrid());
        for (var r = 0; r < rowCount; r++)
        {
            var row = new TableRow();
            var rowProperties = new TableRowProperties(new CantSplit());
            if (r < _headerRows)
            {
                rowProperties.Append(new TableHeader());
            }

            row.Append(rowProperties);
            for (var c = 0; c < ColumnCount;)
            {
                var cell = owner[r, c] ?? throw new InvalidOperationException($"Grid position ({r},{c}) is not covered.");
                row.Append(BuildCell(cell, r));
                c += cell.ColumnSpan;
            }

            table.Append(row);
        }

        return table;
    }

    private TableCell BuildCell(Placed cell, int row)
    {
        var width = columnWidths.Skip(cell.Column).Take(cell.ColumnSpan).Sum();
        var properties = new TableCellProperties(
            new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (cell.ColumnSpan > 1)
        {
            properties.Append(new GridSpan { Val = cell.ColumnSpan });
        }

        var first = cell.Row == row;
        if (cell.RowSpan > 1)
        {
            // A continuing cell carries vMerge without a value; its text lives in the restarting cell above.
            properties.Append(first ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge());
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = StyleOf(cell.Kind) }));
        if (first && cell.Text.Length > 0)
        {
            paragraph.Append(new Run(new Text(XmlText.Clean(cell.Text)) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return new TableCell(properties, paragraph);
    }

    private static string StyleOf(GridCellKind kind) => kind switch
    {
        GridCellKind.Label => DocxStyles.TableLabel,
        GridCellKind.Heading => DocxStyles.TableHeading,
        GridCellKind.Number => DocxStyles.TableNumber,
    };

    private static TableProperties TableProperties()
    {
        static T Border<T>()
            where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" };

        return new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }));
    }

    private TableGrid TableGrid()
    {
        var grid = new TableGrid();
        foreach (var width in columnWidths)
        {
            grid.Append(new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) });
        }

        return grid;
    }

    internal sealed record Placed(int Row, int Column, int RowSpan, int ColumnSpan, string Text, GridCellKind Kind);
}
