namespace Gongkai.Documents.Reading;

/// <summary>The format a report was read from.</summary>
public enum SourceFormat
{
    /// <summary>Plain text or Markdown (Word or PDF exports).</summary>
    Text,

    /// <summary>An HTML page (also Word-made HTML).</summary>
    Html,

    /// <summary>A Word document (.docx).</summary>
    Docx,

    /// <summary>A PDF, read through <c>pdftotext -layout</c>.</summary>
    Pdf,
}

/// <summary>
/// One line of the normalised source: a narrative line (one cell, <see cref="IsTable"/> false) or a table row
/// (its cells in print order; a blank cell is an empty or whitespace string). <see cref="Line"/> is where it
/// starts in the source: a line number for text, HTML and PDF, a paragraph number for DOCX.
/// </summary>
internal sealed record SourceRow(int Line, int Page, string[] Cells, bool IsTable)
{
    /// <summary>
    /// A row a crawler ran together: <see cref="Cells"/> is the label and one run of values whose cells are not
    /// separated (<c>1800 02020</c>); the table recogniser splits the run by the table's arithmetic (<see cref="RunSplitter"/>).
    /// </summary>
    public bool RunTogether { get; init; }

    /// <summary>The text of a narrative line.</summary>
    public string Text => Cells.Length == 0 ? string.Empty : Cells[0];
}

/// <summary>Every input, whatever its format, as lines of cells with source positions.</summary>
internal sealed record SourceDocument(SourceFormat Format, IReadOnlyList<SourceRow> Rows)
{
    /// <summary>
    /// Whether the rows come from text laid out by position (<c>pdftotext -layout</c>, whether read from the PDF
    /// or from a .txt another tool saved): columns are runs of spaces, a label may sit on a line of its own.
    /// </summary>
    public bool Layout { get; init; }

    /// <summary>A PDF's words with their boxes, read only when a table row needs them (ADR 0011); null for other formats.</summary>
    public Lazy<IReadOnlyList<PdfWord>>? Words { get; init; }

    /// <summary>How a person finds a row in the source, e.g. <c>source:line 127</c>, <c>source:page 2 line 14</c>.</summary>
    public string Pointer(SourceRow row) => Format switch
    {
        SourceFormat.Docx => $"source:paragraph {row.Line}",
        SourceFormat.Pdf => $"source:page {row.Page} line {row.Line}",
        SourceFormat.Text or SourceFormat.Html => $"source:line {row.Line}",
    };

    /// <summary>The same, in Chinese for messages.</summary>
    public string Where(SourceRow row) => Format switch
    {
        SourceFormat.Docx => $"第{row.Line}段",
        SourceFormat.Pdf => $"第{row.Page}页第{row.Line}行",
        SourceFormat.Text or SourceFormat.Html => $"第{row.Line}行",
    };
}
