using System.Text;

namespace Gongkai.Documents.Rendering.Docx;

/// <summary>
/// Text as XML 1.0 can hold it. A DOCX part is XML, and XML 1.0 has no way to write most control characters
/// (<c>\x00</c>, <c>\x1b</c>…), unpaired surrogates or <c>\uFFFE</c>/<c>\uFFFF</c>: the writer throws on them. A name
/// typed with one must not make every notice of its case fail, so every DOCX writer puts its text through
/// <see cref="Clean"/>, which drops those characters and keeps everything else as it is.
/// </summary>
public static class XmlText
{
    /// <summary>The text without the characters XML 1.0 cannot represent (tab, line feed and carriage return are kept).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (IsAllowed(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>True when every character of the text can be written in XML 1.0.</summary>
    public static bool IsClean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    // XML 1.0 §2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] (pairs for the rest, handled by the callers).
    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= '\x20' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
}
