using Gongkai.Documents.Ledger;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Documents.Disclosure;

/// <summary>
/// Reads the Art. 20 figures (第二十条) kept in a spreadsheet and saved as CSV — UTF-8 (with or without BOM) or GB18030
/// (Excel's default on Chinese Windows) — with the one CSV reader (<see cref="CsvTable"/>); the rules of the rows are
/// <see cref="Article20FiguresSheet"/>'s. Like the ledger reader, the file is all or nothing.
/// </summary>
public static class Article20FiguresCsv
{
    /// <summary>The figures of the file, or every problem found (and no figures). Never throws for bad content.</summary>
    public static (IReadOnlyList<Article20Figure> Figures, IReadOnlyList<Article20CsvError> Errors) Read(ReadOnlySpan<byte> bytes)
    {
        var text = CsvTable.Decode(bytes, "第二十条统计数请在Excel中另存为“CSV UTF-8（逗号分隔）”后上传", out var refusal);
        if (text is null)
        {
            return ([], [new Article20CsvError(null, null, refusal!)]);
        }

        int? unclosed = null;
        var rows = CsvTable.Rows(text, unclosedQuoteAt: r => unclosed ??= r).Select(r => (IReadOnlyList<string?>)r.Cells).ToList();
        if (unclosed is { } row)
        {
            return ([], [new Article20CsvError(row, null, "引号不成对：从这一行开始的带引号（\"）的内容直到文件末尾都没有结束的引号")]);
        }

        return Article20FiguresSheet.Read(rows);
    }
}
