using Gongkai.Domain.Text;

namespace Gongkai.Documents.Ledger;

/// <summary>The columns of a ledger, by their header text.</summary>
internal enum LedgerColumn
{
    Number,
    ReceivedOn,
    ApplicantType,
    ApplicantName,
    Channel,
    Request,
    ClosedOn,
    Outcome,
}

internal static class LedgerColumns
{
    public const int Count = 8;

    private static readonly string[] Names = ["申请编号", "收到日期", "申请人类型", "申请人", "申请方式", "申请内容", "办结日期", "办理结果"];

    /// <summary>The header text of each column, in the order a ledger usually has them.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The column's header text (also the column named in error messages).</summary>
    public static string Name(this LedgerColumn column) => Names[(int)column];

    /// <summary>Whether every row must have the column in its header (the cells of 办结日期/办理结果 may be blank).</summary>
    public static bool IsRequired(this LedgerColumn column) => column switch
    {
        LedgerColumn.Number or LedgerColumn.Channel or LedgerColumn.Request => false,
        LedgerColumn.ReceivedOn or LedgerColumn.ApplicantType or LedgerColumn.ApplicantName
            or LedgerColumn.ClosedOn or LedgerColumn.Outcome => true,
    };

    public static bool TryParse(string header, out LedgerColumn column)
    {
        var index = Array.IndexOf(Names, header);
        column = (LedgerColumn)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The spreadsheet column letters of a 0-based index (0 → A, 27 → AB).</summary>
    public static string Letters(int index) => SheetColumns.Letters(index);
}
