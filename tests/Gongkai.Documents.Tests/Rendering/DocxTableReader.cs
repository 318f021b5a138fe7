using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents.Tests.Rendering;

/// <summary>
/// Reads a rendered table the way a person reads it: every grid position is mapped to the cell that shows there,
/// following <c>w:gridSpan</c> across and <c>w:vMerge</c> continuations up to the cell that restarted the merge.
/// </summary>
internal sealed class DocxTableReader
{
    private readonly TableCell[,] _origin;

    private DocxTableReader(TableCell[,] origin, IReadOnlyList<TableRow> rows)
    {
        _origin = origin;
        Rows = rows;
    }

    public IReadOnlyList<TableRow> Rows { get; }

    public int RowCount => _origin.GetLength(0);

    public int ColumnCount => _origin.GetLength(1);

    /// <summary>The table that follows the paragraph reading <paramref name="heading"/>, before the next of <paramref name="headings"/>.</summary>
    public static DocxTableReader AfterHeading(WordprocessingDocument document, IReadOnlyCollection<string> headings, string heading)
    {
        var body = document.MainDocumentPart!.Document.Body!;
        var found = false;
        foreach (var element in body.ChildElements)
        {
            if (element is Paragraph p && headings.Contains(TextOf(p)))
            {
                if (found)
                {
                    break;
                }

                found = TextOf(p) == heading;
            }
            else if (found && element is Table table)
            {
                return Read(table);
            }
        }

        throw new InvalidOperationException(found ? $"No table after “{heading}”." : $"No heading “{heading}”.");
    }

    public static DocxTableReader Read(Table table)
    {
        var columns = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count();
        var rows = table.Elements<TableRow>().ToList();
        var origin = new TableCell[rows.Count, columns];
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            foreach (var cell in rows[r].Elements<TableCell>())
            {
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var merge = cell.TableCellProperties?.VerticalMerge;
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                for (var c = column; c < column + span; c++)
                {
                    if (c >= columns)
                    {
                        throw new InvalidOperationException($"Row {r} has more cells than the grid's {columns} columns.");
                    }

                    if (continues)
                    {
                        origin[r, c] = (r > 0 ? origin[r - 1, c] : null)
                            ?? throw new InvalidOperationException($"vMerge continues at ({r},{c}) with nothing above.");
                        if (origin[r, c] != origin[r, column])
                        {
                            throw new InvalidOperationException($"vMerge at ({r},{c}) does not continue one cell above.");
                        }
                    }
                    else
                    {
                        origin[r, c] = cell;
                    }
                }

                column += span;
            }

            if (column != columns)
            {
                throw new InvalidOperationException($"Row {r} covers {column} of {columns} grid columns.");
            }
        }

        return new DocxTableReader(origin, rows);
    }

    /// <summary>The cell that shows at a grid position.</summary>
    public TableCell Cell(int row, int column) => _origin[row, column];

    /// <summary>The text shown at a grid position.</summary>
    public string Text(int row, int column) => TextOf(_origin[row, column]);

    /// <summary>How many rows and grid columns the cell at a position covers.</summary>
    public (int Rows, int Columns) Extent(int row, int column)
    {
        var cell = _origin[row, column];
        var rows = 0;
        var columns = 0;
        for (var r = 0; r < RowCount; r++)
        {
            rows += Enumerable.Range(0, ColumnCount).Any(c => _origin[r, c] == cell) ? 1 : 0;
        }

        for (var c = 0; c < ColumnCount; c++)
        {
            columns += Enumerable.Range(0, RowCount).Any(r => _origin[r, c] == cell) ? 1 : 0;
        }

        return (rows, columns);
    }

    /// <summary>The only row matching a test; fails if none or several match.</summary>
    public int SingleRow(Func<int, bool> test, string what)
    {
        var matches = Enumerable.Range(0, RowCount).Where(test).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"{matches.Count} rows are {what}.");
    }

    /// <summary>The only grid column matching a test; fails if none or several match.</summary>
    public int SingleColumn(Func<int, bool> test, string what)
    {
        var matches = Enumerable.Range(0, ColumnCount).Where(test).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"{matches.Count} columns are {what}.");
    }

    public static string TextOf(DocumentFormat.OpenXml.OpenXmlElement element) =>
        string.Concat(element.Descendants<Text>().Select(t => t.Text));
}
