using System.Globalization;

namespace Gongkai.Documents.Ledger;

/// <summary>
/// Why a ledger file was refused, in Chinese for the person who keeps the ledger: a cell
/// (<see cref="RowNumber"/> and <see cref="Column"/>), a header problem (no row), or the file as a whole (neither).
/// </summary>
/// <param name="RowNumber">The row as Excel shows it (the header is row 1); null for the header or the whole file.</param>
/// <param name="Column">The ledger column (收到日期, 申请人类型, …), or for a header problem the column named in it.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record LedgerError(int? RowNumber, string? Column, string Message)
{
    /// <summary>
    /// <c>第3行 申请人类型：“个人”不是申请人类型，…</c>; a header problem reads <c>表头：缺少必需的列“收到日期”</c>;
    /// a problem of the whole file is just its message.
    /// </summary>
    public override string ToString() => (RowNumber, Column) switch
    {
        ({ } row, { } column) => string.Create(CultureInfo.InvariantCulture, $"第{row}行 {column}：{Message}"),
        ({ } row, null) => string.Create(CultureInfo.InvariantCulture, $"第{row}行：{Message}"),
        (null, { }) => $"表头：{Message}",
        (null, null) => Message,
    };
}
