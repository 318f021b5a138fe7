namespace Gongkai.Documents.Ledger;

/// <summary>
/// What <see cref="LedgerReader.Read"/> found. A file is taken whole or refused whole: when there is any error,
/// <see cref="Rows"/> is empty, so nothing is ever half-imported.
/// </summary>
/// <param name="Rows">Every data row, in file order; empty when there is any error.</param>
/// <param name="Errors">Every problem found (at most 1,000, then one line saying how many more).</param>
public sealed record LedgerReadResult(IReadOnlyList<LedgerRow> Rows, IReadOnlyList<LedgerError> Errors)
{
    /// <summary>Whether the file can be imported: no errors at all.</summary>
    public bool Succeeded => Errors.Count == 0;

    internal static LedgerReadResult Refused(string message) => new([], [new LedgerError(null, null, message)]);
}
