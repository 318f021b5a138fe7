using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Supervision;

/// <summary>
/// The day by which an agency's annual report for a year must be published (Art. 49; docs/legal.md §1.9): a
/// department of a government at county level or above by 31 January of the next year, a people's government by
/// 31 March. Art. 49 names no date for township governments, street offices and other bodies (legal.md: not stated,
/// treated as U): the installation sets them (<see cref="TownDeadline"/>, <see cref="OtherDeadline"/>), by default
/// 31 January, the date most county governments set for the bodies under them.
/// </summary>
public sealed record ReportDeadlines
{
    /// <summary>乡镇街道's deadline in the year after the report year (month, day). U: configurable.</summary>
    public (int Month, int Day) TownDeadline { get; init; } = (1, 31);

    /// <summary>其他's deadline in the year after the report year (month, day). U: configurable.</summary>
    public (int Month, int Day) OtherDeadline { get; init; } = (1, 31);

    /// <summary>The last day on which the report of <paramref name="reportYear"/> may be published.</summary>
    public DateOnly For(AgencyKind kind, int reportYear) => kind switch
    {
        AgencyKind.Department => new DateOnly(reportYear + 1, 1, 31),
        AgencyKind.Government => new DateOnly(reportYear + 1, 3, 31),
        AgencyKind.Town => new DateOnly(reportYear + 1, TownDeadline.Month, TownDeadline.Day),
        AgencyKind.Other => new DateOnly(reportYear + 1, OtherDeadline.Month, OtherDeadline.Day),
    };

    /// <summary>Reads "MM-DD" (e.g. 01-31); null when it is not a day of the year.</summary>
    public static (int Month, int Day)? ParseMonthDay(string? text)
    {
        if (text is null || text.Length != 5 || text[2] != '-'
            || !int.TryParse(text.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(3, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2001, month))
        {
            return null;
        }

        return (month, day);
    }
}

/// <summary>Where an agency's annual report of a year stands, as the supervising office sees it.</summary>
public enum ReportState
{
    /// <summary>未开始: nothing stored.</summary>
    NotStarted,

    /// <summary>草稿: a draft the checker finds no error in.</summary>
    Draft,

    /// <summary>已检查，N个错误: a draft the checker finds errors in.</summary>
    CheckedWithErrors,

    /// <summary>已于DATE发布: published (or imported from a published report) by the deadline.</summary>
    Published,

    /// <summary>逾期: the deadline passed unpublished, or published after it (Art. 49).</summary>
    Late,
}

/// <summary>The standing of one agency's report: state, errors, publication date and deadline.</summary>
public sealed record ReportStanding(ReportState State, int Errors, DateOnly? PublishedOn, DateOnly Deadline)
{
    /// <summary>
    /// Art. 49: a report published after <paramref name="deadline"/>, or not published when <paramref name="today"/> is
    /// past it, is late. <paramref name="published"/> says whether the stored report is published (or imported from a
    /// published report) and <paramref name="publishedOn"/> when.
    /// </summary>
    public static ReportStanding Of(bool stored, bool published, DateOnly? publishedOn, int errors, DateOnly deadline, DateOnly today)
    {
        if (published)
        {
            return new ReportStanding(publishedOn is { } on && on > deadline ? ReportState.Late : ReportState.Published, errors, publishedOn, deadline);
        }

        if (today > deadline)
        {
            return new ReportStanding(ReportState.Late, errors, null, deadline);
        }

        var state = !stored ? ReportState.NotStarted : errors > 0 ? ReportState.CheckedWithErrors : ReportState.Draft;
        return new ReportStanding(state, errors, null, deadline);
    }

    /// <summary>The standing in words: 未开始, 草稿, 已检查，3个错误, 已于2026年1月20日发布, 逾期：2026年1月31日前未发布 / 逾期：2026年2月3日发布.</summary>
    public string Label => State switch
    {
        ReportState.NotStarted => "未开始",
        ReportState.Draft => "草稿",
        ReportState.CheckedWithErrors => $"已检查，{Errors}个错误",
        ReportState.Published => (PublishedOn is { } day ? $"已于{Chinese(day)}发布" : "已发布（发布日期不详）") + (Errors > 0 ? $"，{Errors}个错误" : string.Empty),
        ReportState.Late => PublishedOn is { } on ? $"逾期：{Chinese(on)}发布（期限{Chinese(Deadline)}）" : $"逾期：{Chinese(Deadline)}前未发布",
    };

    /// <summary>The short code used by filters and exports.</summary>
    public string Code => State switch
    {
        ReportState.NotStarted => "not-started",
        ReportState.Draft => "draft",
        ReportState.CheckedWithErrors => "errors",
        ReportState.Published => "published",
        ReportState.Late => "late",
    };

    private static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
