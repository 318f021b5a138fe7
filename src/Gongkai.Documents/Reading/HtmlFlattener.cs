using System.Text;

namespace Gongkai.Documents.Reading;

/// <summary>
/// One linear pass over HTML before the parser sees it (issue #11: 40,000 unclosed <c>&lt;div&gt;</c>s made the
/// HTML5 tree builder quadratic, since every start tag searches the stack of open elements). The reader needs only
/// text, tables and where blocks break, so every other tag is dropped (formatting: <c>b</c>, <c>span</c>,
/// <c>font</c>…) or becomes a <c>&lt;p&gt;</c>, which never nests (blocks: <c>div</c>, <c>li</c>, <c>h1</c>…); tables nest at most
/// <see cref="MaxTableDepth"/> deep; comments go. Line breaks inside removed tags are kept, so line numbers in
/// findings stay those of the source. Script text is copied as is (a report may live in it, <see cref="ScriptHtml"/>).
/// </summary>
internal static class HtmlFlattener
{
    private const int MaxTableDepth = 8;

    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "title", "meta", "p", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "colgroup", "col", "br", "script", "style", "noscript", "template",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "blockquote", "pre", "center", "header", "footer", "main", "ul", "ol", "dl", "dt", "dd", "form", "hr", "nav", "aside", "figure", "figcaption", "address",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "xmp", "title"];

    public static string Flatten(string html)
    {
        var sb = new StringBuilder(html.Length);
        var tableDepth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                sb.Append(html, i, html.Length - i);
                break;
            }

            sb.Append(html, i, lt - i);
            if (lt + 1 >= html.Length)
            {
                sb.Append("&lt;");
                break;
            }

            var next = html[lt + 1];
            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                end = end < 0 ? html.Length : end + 3;
                KeepLines(sb, html, lt, end);
                i = end;
                continue;
            }

            if (next is '!' or '?')
            {
                var end = html.IndexOf('>', lt);
                end = end < 0 ? html.Length : end + 1;
                if (html.AsSpan(lt).StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase))
                {
                    sb.Append(html, lt, end - lt);
                }
                else
                {
                    KeepLines(sb, html, lt, end);
                }

                i = end;
                continue;
            }

            var closing = next == '/';
            var nameStart = lt + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is ':' or '-' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                // Not a tag: a bare < in text.
                sb.Append("&lt;");
                i = lt + 1;
                continue;
            }

            var tagEnd = TagEnd(html, nameEnd);
            var name = html[nameStart..nameEnd];
            if (Kept.Contains(name))
            {
                var isTable = name.Equals("table", StringComparison.OrdinalIgnoreCase);
                if (isTable && !closing && ++tableDepth > MaxTableDepth)
                {
                    KeepLines(sb, html, lt, tagEnd);
                }
                else if (isTable && closing && tableDepth-- > MaxTableDepth)
                {
                    KeepLines(sb, html, lt, tagEnd);
                }
                else
                {
                    sb.Append(html, lt, tagEnd - lt);
                }

                tableDepth = Math.Max(tableDepth, 0);
                if (!closing && Array.Exists(RawText, r => r.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    // Raw text up to its end tag, copied as is.
                    var close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                    close = close < 0 ? html.Length : close;
                    sb.Append(html, tagEnd, close - tagEnd);
                    i = close;
                    continue;
                }
            }
            else if (Blocks.Contains(name))
            {
                sb.Append(closing ? "</p>" : "<p>");
                KeepLines(sb, html, lt, tagEnd);
            }
            else if (Array.Exists(RawText, r => r.Equals(name, StringComparison.OrdinalIgnoreCase)) && !closing)
            {
                var close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                close = close < 0 ? html.Length : close;
                KeepLines(sb, html, lt, close);
                i = close;
                continue;
            }
            else
            {
                KeepLines(sb, html, lt, tagEnd);
            }

            i = tagEnd;
        }

        return sb.ToString();
    }

    /// <summary>The index after a tag's closing &gt;, skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int from)
    {
        char quote = '\0';
        for (var k = from; k < html.Length; k++)
        {
            var c = html[k];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return k + 1;
            }
            else if (c == '<')
            {
                return k;
            }
        }

        return html.Length;
    }

    /// <summary>Replaces a removed stretch by its line breaks, so that the lines after it keep their numbers.</summary>
    private static void KeepLines(StringBuilder sb, string html, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (html[k] == '\n')
            {
                sb.Append('\n');
            }
        }
    }
}
