using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// How an agency numbers its catalogue (索引号, Art. 12 "索引"). There is no national coding rule (docs/legal.md §4), so the
/// pattern is the agency's: placeholders <c>{机构代码}</c>, <c>{YYYY}</c>, <c>{MM}</c> (from the 生成日期) and a serial
/// <c>{NNNNN}</c> whose width is the count of N. The serial restarts in every scope — per year when the pattern has
/// {YYYY}, per month with {MM} — and widens rather than wraps when it outgrows its width, so numbers stay unique.
/// </summary>
public sealed partial class IndexNumberPattern
{
    /// <summary>The most common format on government sites: <c>000013338/2023-00079</c> (docs/legal.md §4).</summary>
    public const string DefaultText = "{机构代码}/{YYYY}-{NNNNN}";

    private readonly IReadOnlyList<(string? Literal, string? Placeholder)> _parts;

    private IndexNumberPattern(string text, IReadOnlyList<(string?, string?)> parts, int serialWidth)
    {
        Text = text;
        _parts = parts;
        SerialWidth = serialWidth;
    }

    /// <summary>The default pattern.</summary>
    public static IndexNumberPattern Default { get; } = Parse(DefaultText, out _)!;

    /// <summary>The pattern as configured.</summary>
    public string Text { get; }

    /// <summary>The count of N in the serial placeholder.</summary>
    public int SerialWidth { get; }

    /// <summary>A pattern from its text; null with a Chinese reason when it is unusable.</summary>
    public static IndexNumberPattern? Parse(string text, out string? error)
    {
        error = null;
        var parts = new List<(string?, string?)>();
        var serialWidth = 0;
        var pos = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            if (m.Index > pos)
            {
                parts.Add((text[pos..m.Index], null));
            }

            var name = m.Groups[1].Value;
            if (name.All(c => c == 'N'))
            {
                if (serialWidth > 0)
                {
                    error = "索引号格式中只能有一个流水号 {NNNNN}";
                    return null;
                }

                serialWidth = name.Length;
            }
            else if (name is not ("机构代码" or "YYYY" or "MM"))
            {
                error = $"索引号格式中的“{{{name}}}”无法识别；可用 {{机构代码}} {{YYYY}} {{MM}} {{NNNNN}}";
                return null;
            }

            parts.Add((null, name));
            pos = m.Index + m.Length;
        }

        if (pos < text.Length)
        {
            parts.Add((text[pos..], null));
        }

        if (serialWidth == 0)
        {
            error = "索引号格式须含流水号，如 {NNNNN}（五位）";
            return null;
        }

        if (text.Contains('{', StringComparison.Ordinal) && parts.Any(p => p.Item1 is { } lit && (lit.Contains('{', StringComparison.Ordinal) || lit.Contains('}', StringComparison.Ordinal))))
        {
            error = "索引号格式中的花括号不成对";
            return null;
        }

        return new IndexNumberPattern(text, parts, serialWidth);
    }

    /// <summary>The number for a serial, e.g. <c>GZPY-WJ/2025-00012</c>.</summary>
    public string Format(string agencyCode, DateOnly generatedOn, int serial) => Render(agencyCode, generatedOn, serial);

    /// <summary>
    /// The scope in which serials count: the number with its serial left out (<c>GZPY-WJ/2025-#</c>). The next serial
    /// is one more than the highest serial already used in the scope.
    /// </summary>
    public string Scope(string agencyCode, DateOnly generatedOn) => Render(agencyCode, generatedOn, null);

    private string Render(string agencyCode, DateOnly date, int? serial)
    {
        var sb = new StringBuilder();
        foreach (var (literal, placeholder) in _parts)
        {
            sb.Append(placeholder switch
            {
                null => literal,
                "机构代码" => agencyCode,
                "YYYY" => date.Year.ToString("D4", CultureInfo.InvariantCulture),
                "MM" => date.Month.ToString("D2", CultureInfo.InvariantCulture),
                _ => serial is { } n ? n.ToString("D" + SerialWidth.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "#",
            });
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();
}
