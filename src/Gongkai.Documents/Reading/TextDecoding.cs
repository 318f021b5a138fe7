using Gongkai.Domain.Text;

namespace Gongkai.Documents.Reading;

/// <summary>Bytes → text: a BOM if there is one, else UTF-8 when the bytes are valid UTF-8, else GB18030.</summary>
internal static class TextDecoding
{
    /// <summary>The text, or a Chinese message saying why the bytes are not text.</summary>
    public static (string? Text, string? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        var text = ChineseText.Decode(bytes);
        var bad = 0;
        foreach (var c in text)
        {
            if (c == '\0' || c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            {
                bad++;
            }
        }

        if (text.Length > 0 && (bad > text.Length / 100 || text.Contains('\0', StringComparison.Ordinal)))
        {
            return (null, "文件不是文本（含有二进制数据），也不是可识别的 HTML、DOCX 或 PDF 文件");
        }

        return (text, null);
    }
}
