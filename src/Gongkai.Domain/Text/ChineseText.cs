using System.Text;
using System.Text.Unicode;

namespace Gongkai.Domain.Text;

/// <summary>
/// Text files as Chinese offices make them: a BOM if there is one (UTF-8, UTF-16), else UTF-8 when the bytes are
/// valid UTF-8, else GB18030 (what Excel and Word save by default on Chinese Windows). The one decoder every reader
/// of uploaded text uses.
/// </summary>
public static class ChineseText
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>The bytes as text, BOM removed.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Gb18030.Value.GetString(bytes);
    }
}
