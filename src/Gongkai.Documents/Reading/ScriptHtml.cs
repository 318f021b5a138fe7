using System.Globalization;
using System.Text;

namespace Gongkai.Documents.Reading;

/// <summary>
/// Finds a report's HTML kept inside a page's script (a CMS that writes <c>let content = "&lt;table …&gt;"</c>
/// or serves the article as JSON): the string literals that hold markup, with JavaScript/JSON escapes undone.
/// One pass over the script, so a hostile script costs linear time.
/// </summary>
internal static class ScriptHtml
{
    /// <summary>The string literals of a script (quoted with <c>"</c>, <c>'</c> or <c>`</c>) that hold HTML markup (a table or paragraphs).</summary>
    public static IEnumerable<string> Extract(string script)
    {
        if (script.IndexOf("table", StringComparison.OrdinalIgnoreCase) < 0 && script.IndexOf("<p", StringComparison.OrdinalIgnoreCase) < 0
            && script.IndexOf("\\u003c", StringComparison.OrdinalIgnoreCase) < 0)
        {
            yield break;
        }

        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            if (c is '"' or '\'' or '`')
            {
                var (literal, end) = ReadLiteral(script, i);
                i = end;
                if (literal.Length >= 40 && HoldsMarkup(literal))
                {
                    yield return literal;
                }

                continue;
            }

            if (c == '/' && i + 1 < script.Length && script[i + 1] == '/')
            {
                var nl = script.IndexOf('\n', i);
                i = nl < 0 ? script.Length : nl + 1;
                continue;
            }

            i++;
        }
    }

    private static bool HoldsMarkup(string s) =>
        s.Contains("<table", StringComparison.OrdinalIgnoreCase) || s.Contains("<p", StringComparison.OrdinalIgnoreCase)
        || s.Contains("<tr", StringComparison.OrdinalIgnoreCase);

    /// <summary>The literal starting at the quote at <paramref name="start"/>, unescaped, and the index after its closing quote.</summary>
    private static (string Literal, int End) ReadLiteral(string s, int start)
    {
        var quote = s[start];
        var sb = new StringBuilder();
        var i = start + 1;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == quote)
            {
                return (sb.ToString(), i + 1);
            }

            if (c == '\n' && quote != '`')
            {
                // An unterminated literal: stop at the line's end.
                return (sb.ToString(), i + 1);
            }

            if (c != '\\' || i + 1 >= s.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }

            var e = s[i + 1];
            i += 2;
            switch (e)
            {
                case 'n':
                    sb.Append('\n');
                    break;
                case 'r':
                    break;
                case 't':
                    sb.Append('\t');
                    break;
                case 'u' when i + 4 <= s.Length && int.TryParse(s.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                case 'x' when i + 2 <= s.Length && int.TryParse(s.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    i += 2;
                    break;
                case '\n':
                    break;
                default:
                    sb.Append(e);
                    break;
            }
        }

        return (sb.ToString(), i);
    }
}
