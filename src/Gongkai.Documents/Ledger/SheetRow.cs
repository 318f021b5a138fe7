namespace Gongkai.Documents.Ledger;

/// <summary>One row of a sheet as read from the file: its number as Excel shows it and its cells' text (null: empty).</summary>
internal readonly record struct SheetRow(int Number, string?[] Cells);
