using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reading;

/// <summary>
/// How printed cell and label text is normalised and read as values (docs/report-model.md: a blank cell and a
/// printed <c>-</c> are null; <c>增1</c> → 1, <c>减少 18</c> → −18, <c>3487.1万元</c> → 34871000 yuan, <c>1 项</c> → 1).
/// </summary>
internal static partial class CellText
{
    private static readonly char[] CleanTrim = [' ', '\t', '\r', '\n', '\u00A0', '\u200B', '\uFEFF', '\u3000'];

    /// <summary>Trims spaces of every width (ASCII, NBSP, full-width, zero-width) and folds full-width ASCII.</summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        // Most cells have nothing to fold: then the trimmed text is the answer, without a copy (Trim returns
        // the same string when there is nothing to trim).
        var fold = raw.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E') >= 0 || raw.AsSpan().IndexOfAny('\u3000', '\u00A0') >= 0;
        if (!fold)
        {
            return raw.Trim(CleanTrim);
        }

        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            sb.Append(Fold(c));
        }

        return sb.ToString().Trim(CleanTrim);
    }

    /// <summary><see cref="Clean(string?)"/> into a caller's buffer (at least as long as the text): the same characters, no string.</summary>
    public static ReadOnlySpan<char> Clean(string? raw, Span<char> buffer)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return [];
        }

        if (!NeedsFold(raw))
        {
            return raw.AsSpan().Trim(CleanTrim);
        }

        for (var i = 0; i < raw.Length; i++)
        {
            buffer[i] = Fold(raw[i]);
        }

        return buffer[..raw.Length].Trim(CleanTrim);
    }

    /// <summary>
    /// The form labels are compared in: no spaces of any width, full-width ASCII folded (（→(, ．→.), quotes
    /// dropped, so that <c>(二) 部分公开</c>, <c>（二）部分公开</c> and <c>（二）部 分公开</c> are one label.
    /// </summary>
    public static string Label(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        if (!NeedsLabelWork(raw))
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        foreach (var ch in raw)
        {
            var c = Fold(ch);
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '“' or '”' or '"' or '‘' or '’' or '\'' or '*')
            {
                continue;
            }

            sb.Append(c switch
            {
                '〔' or '【' or '[' => '(',
                '〕' or '】' or ']' => ')',
                '。' => '.',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>The length of <see cref="Label"/>'s result, without building it.</summary>
    public static int LabelLength(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return 0;
        }

        var length = 0;
        foreach (var ch in raw)
        {
            var c = Fold(ch);
            if (!(char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '“' or '”' or '"' or '‘' or '’' or '\'' or '*'))
            {
                length++;
            }
        }

        return length;
    }

    /// <summary>Whether <see cref="Label"/> would change anything in the text (most labels are already in label form).</summary>
    private static bool NeedsLabelWork(string raw)
    {
        foreach (var c in raw)
        {
            if (Fold(c) != c || char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '“' or '”' or '"' or '‘' or '’' or '\'' or '*'
                    or '〔' or '【' or '[' or '〕' or '】' or ']' or '。')
            {
                return true;
            }
        }

        return false;
    }

    private static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' => ' ',
        _ => c,
    };

    /// <summary>Whether a cleaned cell prints nothing: empty or a dash (<c>-</c>, <c>—</c>, <c>/</c>).</summary>
    public static bool IsBlank(string cleaned) => cleaned.Length == 0 || (cleaned.Length <= 4 && DashRegex().IsMatch(cleaned));

    /// <summary>A markdown table rule (<c>---</c>, <c>:---:</c>).</summary>
    public static bool IsRule(string cleaned) => RuleRegex().IsMatch(cleaned);

    /// <summary>The same, for a span.</summary>
    public static bool IsRule(ReadOnlySpan<char> cleaned) => RuleRegex().IsMatch(cleaned);

    /// <summary>
    /// Reads a count cell of section 三 or 四: null for a blank, the number for <c>5</c>, <c>5　</c>, <c>1 件</c>;
    /// false when the text is not a count at all.
    /// </summary>
    public static bool TryCount(string raw, out int? value)
    {
        value = null;

        // The common cell (nothing to fold) is read from a span of the raw text: no copy, no Match object.
        if (string.IsNullOrEmpty(raw))
        {
            return true;
        }

        ReadOnlySpan<char> span;
        if (NeedsFold(raw) && raw.Length <= 256)
        {
            // Folded into a buffer on the stack (what Clean does, without the string).
            Span<char> folded = stackalloc char[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                folded[i] = Fold(raw[i]);
            }

            return TryCountCleaned(folded.Trim(CleanTrim), out value);
        }

        span = NeedsFold(raw) ? Clean(raw).AsSpan() : raw.AsSpan().Trim(CleanTrim);
        return TryCountCleaned(span, out value);
    }

    /// <summary><see cref="TryCount"/> of a cleaned cell.</summary>
    private static bool TryCountCleaned(ReadOnlySpan<char> span, out int? value)
    {
        value = null;
        if (span.IsEmpty || (span.Length <= 4 && DashRegex().IsMatch(span)))
        {
            return true;
        }

        if (!CountRegex().IsMatch(span))
        {
            return false;
        }

        // The match is the whole cell: the number is what precedes the optional unit and the spaces before it.
        if (CountUnits.Contains(span[^1]))
        {
            span = span[..^1];
        }

        span = span.TrimEnd();
        Span<char> digits = span.Length <= 128 ? stackalloc char[span.Length] : new char[span.Length];
        var length = 0;
        foreach (var c in span)
        {
            if (c != ',')
            {
                digits[length++] = c;
            }
        }

        if (int.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            value = n;
            return true;
        }

        return false;
    }

    private const string CountUnits = "件项个条宗次人份";

    /// <summary>Whether <see cref="Clean(string?)"/> would fold characters (full-width ASCII, ideographic or no-break spaces).</summary>
    private static bool NeedsFold(string raw) =>
        raw.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E') >= 0 || raw.AsSpan().IndexOfAny('\u3000', '\u00A0') >= 0;

    /// <summary>Whether a cell is a value (blank, dash or count) rather than label text.</summary>
    public static bool IsValue(string raw) => TryCount(raw, out _);

    /// <summary>
    /// Reads a cell of section 二 for a column kind; <paramref name="problem"/> says why a filled cell gave no
    /// number where one was expected.
    /// </summary>
    public static Article20Value? Article20(string raw, Article20ValueKind kind, bool headerInTenThousand, out string? problem)
    {
        problem = null;
        var t = Clean(raw);
        if (IsBlank(t))
        {
            return null;
        }

        var compact = t.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        switch (kind)
        {
            case Article20ValueKind.Count:
                {
                    var m = CountRegex().Match(t);
                    if (m.Success && decimal.TryParse(m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal),
                            NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        return Article20Value.Of(n);
                    }

                    problem = $"“{t}”不是数量";
                    return Article20Value.Words(t);
                }

            case Article20ValueKind.Change:
                {
                    var m = ChangeRegex().Match(compact);
                    if (m.Success && decimal.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        var sign = m.Groups["sign"].Value;
                        var negative = sign.StartsWith('减') || sign.StartsWith('-') || sign.StartsWith('下');
                        return Article20Value.Of(negative ? -n : n);
                    }

                    return Article20Value.Words(t);
                }

            case Article20ValueKind.AmountYuan:
            case Article20ValueKind.AmountTenThousandYuan:
                {
                    var m = AmountRegex().Match(compact);
                    if (!m.Success || !decimal.TryParse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                    {
                        problem = $"“{t}”不是金额";
                        return Article20Value.Words(t);
                    }

                    // A number without a unit is in the unit the column header names (本年收费金额 is in 万元).
                    var unit = m.Groups["unit"].Value;
                    var inWan = unit.StartsWith('万')
                        || (unit.Length == 0 && (headerInTenThousand || kind == Article20ValueKind.AmountTenThousandYuan));
                    var yuan = inWan ? n * 10000m : n;
                    return Article20Value.Of(kind == Article20ValueKind.AmountYuan ? yuan : yuan / 10000m);
                }

            default:
                problem = $"未知的列类型{kind}";
                return null;
        }
    }

    [GeneratedRegex(@"^[-—–―－/／\\~～]{1,3}$")]
    private static partial Regex DashRegex();

    [GeneratedRegex(@"^:?-{3,}:?$")]
    private static partial Regex RuleRegex();

    [GeneratedRegex(@"^(\d{1,3}(?:,\d{3})+|\d+)\s*(?:件|项|个|条|宗|次|人|份)?$")]
    private static partial Regex CountRegex();

    [GeneratedRegex(@"^(?<sign>增加|增长|新增|增|减少|减|下降|\+|-)?(?<n>\d+)(?:项|个|件|条)?$")]
    private static partial Regex ChangeRegex();

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)(?<unit>万元|万|元)?$")]
    private static partial Regex AmountRegex();
}
