using Gongkai.Documents.Ledger;

namespace Gongkai.Documents.Tests.Ledger;

internal static class LedgerAssert
{
    /// <summary>The errors as the user reads them.</summary>
    public static string[] Messages(this LedgerReadResult result) => [.. result.Errors.Select(e => e.ToString())];

    /// <summary>The file was refused whole with exactly these messages, in order.</summary>
    public static void Refused(LedgerReadResult result, params string[] expected)
    {
        Assert.Equal(expected, result.Messages());
        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
    }

    /// <summary>The file was accepted; its rows are returned.</summary>
    public static IReadOnlyList<LedgerRow> Accepted(LedgerReadResult result)
    {
        Assert.Equal([], result.Messages());
        Assert.True(result.Succeeded);
        return result.Rows;
    }
}
