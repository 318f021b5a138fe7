using System.Text;
using System.Text.Unicode;

namespace Gongkai.Documents.Reading;

/// <summary>Bytes → text: a BOM if there is one, else UTF-8 when the bytes are valid UTF-8, else GB18030.</summary>
internal static class TextDecoding
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>The text, or a Chinese message saying why the bytes are not text.</summary>
    public static (string? Text, string? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(bytes[3..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else if (Utf8.IsValid(bytes))
        {
            text = Encoding.UTF8.GetString(bytes);
        }
        else
        {
            text = Gb18030.Value.GetString(bytes);
        }

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
