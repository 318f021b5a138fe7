using System.Globalization;

namespace Gongkai.Web.Reminders;

/// <summary>
/// The daily reminder digest (<c>Reminders__DigestTime</c>, <c>Reminders__SiteUrl</c>, <c>Reminders__PollSeconds</c>).
/// The number of working days ahead is each agency's own setting (机关设置与公开指南), not configuration.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>When the digest goes out each working day, China time, HH:mm (default 08:00).</summary>
    public string DigestTime { get; set; } = "08:00";

    /// <summary>The back office's address (<c>https://gongkai.example.gov.cn</c>) for the links in the e-mail; none: paths only.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>How often the worker checks whether the day's digest is due, in seconds.</summary>
    public double PollSeconds { get; set; } = 60;

    /// <summary>The digest time as a time of day; a value that is not HH:mm stops the start with a message naming the setting.</summary>
    public TimeOnly Time => TimeOnly.TryParseExact(DigestTime, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
        ? t
        : throw new InvalidOperationException($"设置 Reminders:DigestTime 的值“{DigestTime}”不是时间，请写成“08:00”这样的24小时制时:分（北京时间）");
}
