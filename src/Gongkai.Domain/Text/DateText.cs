using System.Globalization;

namespace Gongkai.Domain.Text;

/// <summary>Dates as people type them in Gongkai's forms, files and command line, and as Gongkai writes them.</summary>
public static class DateText
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>A date as 2025-09-26 (also 2025-9-26, 2025/9/26, 2025.9.26, 2025年9月26日).</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>2025-09-26.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2025年9月26日: the one date style of documents and portal pages (dense staff tables may use <see cref="Iso(DateOnly)"/>).</summary>
    public static string Long(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>2025年9月26日, or empty for no date.</summary>
    public static string Long(DateOnly? date) => date is { } d ? Long(d) : string.Empty;

    /// <summary>2025-09-26, or empty for no date.</summary>
    public static string Iso(DateOnly? date) => date is { } d ? Iso(d) : string.Empty;
}
