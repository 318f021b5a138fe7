using Gongkai.Domain.Text;

namespace Gongkai.Cli.Commands;

/// <summary>Parsing the values people type on the command line.</summary>
internal static class CliParsing
{
    /// <summary>A date as 2025-09-26 (also 2025/9/26, 2025年9月26日): <see cref="DateText.TryParse"/>.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) => DateText.TryParse(text, out date);

    public static string Iso(DateOnly date) => DateText.Iso(date);

    /// <summary>An optional date as 2025-09-26, empty when there is none.</summary>
    public static string Iso(DateOnly? date) => date is { } d ? DateText.Iso(d) : string.Empty;

    /// <summary>Today's date in China (UTC+8): the Regulation's dates are China's.</summary>
    public static DateOnly ChinaToday(TimeProvider clock) => Gongkai.Domain.Calendar.ChinaTime.Today(clock);
}
