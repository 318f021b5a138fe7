using System.CommandLine;
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

/// <summary>
/// A date option of the command line, parsed by the one parser (<see cref="DateText.TryParse"/>: 2025-09-26, 2025/9/26,
/// 2025年9月26日): a malformed date is a parse error (exit 2) with the same Chinese message for every option.
/// </summary>
internal static class DateOption
{
    /// <summary>An optional (or, with <paramref name="required"/>, required) date option named <paramref name="name"/>.</summary>
    public static Option<DateOnly?> Create(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DateText.TryParse(text, out var date))
            {
                return date;
            }

            result.AddError(Invalid(name, text));
            return null;
        },
    };

    /// <summary>The message for a date that is not one.</summary>
    public static string Invalid(string name, string text) => $"{name} 日期“{text}”无效，应为 YYYY-MM-DD";
}
