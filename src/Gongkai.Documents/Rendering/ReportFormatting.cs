using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Rendering;

/// <summary>How report values and dates are printed, shared by every renderer so HTML and DOCX agree.</summary>
public static class ReportFormatting
{
    /// <summary>A cell of section 三 or 四: the number, or empty for a blank.</summary>
    public static string Cell(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>
    /// A cell of section 二: the number or the printed words, or empty for a blank. An amount in yuan carries its
    /// unit, because the format's label (采购总金额) does not say it and readers expect 万元 as often as 元.
    /// </summary>
    public static string Cell(Article20Value? value, Article20Column column) => value switch
    {
        null => string.Empty,
        { Number: not null } when column.Kind == Article20ValueKind.AmountYuan => value + "元",
        _ => value.ToString(),
    };

    /// <summary>A date as official documents print it: 2021年1月18日.</summary>
    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>The date under the agency's name (成文日期): the date, or 　　年　月　日 to fill in while there is none.</summary>
    public static string SignatureDate(DateOnly? date) => date is { } d ? ChineseDate(d) : "\u3000\u3000年\u3000\u3000月\u3000\u3000日";

    /// <summary>
    /// The paragraphs of a narrative text: one per line, blank lines dropped, leading spaces (ASCII or 全角)
    /// trimmed because every renderer indents the first line by two characters itself.
    /// </summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim(' ', '\t', '\r', '\u3000', '\u00A0')).Where(l => l.Length > 0);
}
