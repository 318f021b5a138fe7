namespace Gongkai.Domain.Text;

/// <summary>Spreadsheet columns as Excel names them, for messages that say where a cell is.</summary>
public static class SheetColumns
{
    /// <summary>The column letters of a 0-based index (0 → A, 27 → AB, 16383 → XFD).</summary>
    public static string Letters(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> buffer = stackalloc char[8];
        var pos = buffer.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            buffer[--pos] = (char)('A' + ((n - 1) % 26));
        }

        return new string(buffer[pos..]);
    }
}
