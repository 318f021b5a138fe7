using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public class ChineseWorkingDayCalendarTests
{
    private static readonly ChineseWorkingDayCalendar Shipped = ChineseWorkingDayCalendar.Default;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2019, 250)]
    [InlineData(2020, 249)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void WorkingDaysInYear_ShippedData_MatchesSanityCount(int year, int expected) =>
        Assert.Equal(expected, Shipped.WorkingDaysInYear(year));

    /// <summary>docs/legal.md §5.3 worked examples, counting from the day after receipt.</summary>
    [Theory]
    [InlineData("2025-09-26", 20, "2025-10-30")] // make-up days 09-28 (Sun) and 10-11 (Sat) count
    [InlineData("2025-09-26", 7, "2025-10-13")]
    [InlineData("2026-02-13", 20, "2026-03-19")]
    [InlineData("2025-12-31", 20, "2026-01-29")]
    [InlineData("2026-09-18", 15, "2026-10-15")]
    public void AddWorkingDays_WorkedExamplesOfLegalMd_GivesPrintedDeadline(string start, int days, string expected) =>
        Assert.Equal(D(expected), Shipped.AddWorkingDays(D(start), days));

    [Fact]
    public void AddWorkingDays_Receipt2020_01_17AcrossExtendedSpringFestival_Gives2020_02_21()
    {
        // Received Fri 2020-01-17. 01-18 Sat off; 01-19 Sun is a 调休 working day (1); 01-20…01-23 (2–5);
        // 01-24…02-02 off (春节, extended by the 2020-01-27 notice, so Sat 02-01 is NOT worked);
        // 02-03…02-07 (6–10); 02-10…02-14 (11–15); 02-17…02-21 (16–20).
        Assert.Equal(D("2020-02-21"), Shipped.AddWorkingDays(D("2020-01-17"), 20));
    }

    [Fact]
    public void AddWorkingDays_Receipt2024_02_02AcrossSpringFestivalWithTwoSundaysWorked_Gives2024_03_06()
    {
        // Fri 02-02. Sun 02-04 调休 (1); 02-05…02-09 (2–6); 02-10…02-17 off; Sun 02-18 调休 (7);
        // 02-19…02-23 (8–12); 02-26…03-01 (13–17); 03-04, 03-05, 03-06 (18–20).
        Assert.Equal(D("2024-03-06"), Shipped.AddWorkingDays(D("2024-02-02"), 20));
    }

    [Fact]
    public void AddWorkingDays_Receipt2024_09_27AcrossNationalDay_Gives2024_10_30()
    {
        // Fri 09-27. Sun 09-29 调休 (1); Mon 09-30 (2); 10-01…10-07 off; 10-08…10-11 (3–6); Sat 10-12 调休 (7);
        // 10-14…10-18 (8–12); 10-21…10-25 (13–17); 10-28, 10-29, 10-30 (18–20).
        Assert.Equal(D("2024-10-30"), Shipped.AddWorkingDays(D("2024-09-27"), 20));
    }

    [Theory]
    [InlineData("2020-02-01", false)] // Sat: make-up day cancelled by the extension notice
    [InlineData("2020-01-19", true)] // Sun: 调休 working day
    [InlineData("2020-01-31", false)] // Fri inside the extended 春节
    [InlineData("2020-02-03", true)] // Mon: work resumes
    [InlineData("2018-12-29", true)] // Sat: make-up day of the 2019 notice
    [InlineData("2018-12-31", false)] // Mon: 元旦 of the 2019 notice
    [InlineData("2022-12-31", false)] // Sat: 元旦 of the 2023 notice (weekend anyway)
    [InlineData("2023-01-02", false)] // Mon: 元旦 of the 2023 notice
    [InlineData("2025-10-11", true)] // Sat: 调休
    [InlineData("2025-10-08", false)] // Wed: 国庆节、中秋节
    [InlineData("2025-10-12", false)] // Sun: ordinary weekend
    [InlineData("2019-06-08", false)] // Sat joined to 端午 06-07: an ordinary weekend, not listed (HCN caveat 2)
    public void IsWorkingDay_NoticeDates_FollowsTheTable(string date, bool expected) =>
        Assert.Equal(expected, Shipped.IsWorkingDay(D(date)));

    [Fact]
    public void Listed_WeekendJoinedToHoliday_IsNotListed()
    {
        Assert.Null(Shipped.Listed(D("2019-06-08")));
        Assert.Equal(new HolidayDay(D("2019-06-07"), "端午节", true), Shipped.Listed(D("2019-06-07")));
    }

    [Fact]
    public void AddWorkingDays_ZeroDays_ReturnsStart() =>
        Assert.Equal(D("2025-10-01"), Shipped.AddWorkingDays(D("2025-10-01"), 0));

    [Fact]
    public void AddWorkingDays_NegativeDays_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.AddWorkingDays(D("2025-10-01"), -1));

    [Fact]
    public void CountWorkingDays_IsInverseOfAddWorkingDays()
    {
        for (var start = D("2019-12-20"); start < D("2020-03-01"); start = start.AddDays(3))
        {
            Assert.Equal(20, Shipped.CountWorkingDays(start, Shipped.AddWorkingDays(start, 20)));
        }
    }

    [Fact]
    public void Covers_ShippedYears_TrueFor2019To2026Only()
    {
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], Shipped.Years);
        Assert.False(Shipped.Covers(2018));
        Assert.False(Shipped.Covers(2027));
    }

    [Fact]
    public void IsKnown_DecemberDateListedByNextNotice_IsKnownEvenIfYearNotCovered()
    {
        Assert.True(Shipped.IsKnown(D("2018-12-30")));
        Assert.False(Shipped.IsKnown(D("2018-12-03")));
        Assert.False(Shipped.IsKnown(D("2027-02-08")));
    }

    [Fact]
    public void IsWorkingDay_YearWithoutData_FallsBackToWeekdays()
    {
        // 2027-02-08 is a Monday; whatever 春节 2027 brings is unknown until the notice is loaded.
        Assert.True(Shipped.IsWorkingDay(D("2027-02-08")));
        Assert.False(Shipped.IsWorkingDay(D("2027-02-06")));
        Assert.Equal(D("2027-01-28"), Shipped.AddWorkingDays(D("2026-12-31"), 20));
    }

    [Fact]
    public void Create_LayerAdding2027Notice_ChangesDeadlinesIn2027()
    {
        // A made-up 2027 notice as an administrator would add it (not real data).
        var extra = HolidayData.Parse("""
            {
              "source": "管理员补充",
              "years": {
                "2027": {
                  "notice": "https://www.gov.cn/zhengce/zhengceku/202611/content_0000000.htm",
                  "days": [
                    {"date": "2027-01-01", "name": "元旦", "off": true},
                    {"date": "2027-02-06", "name": "春节", "off": false},
                    {"date": "2027-02-08", "name": "春节", "off": true},
                    {"date": "2027-02-09", "name": "春节", "off": true}
                  ]
                }
              }
            }
            """);
        Assert.True(extra.Succeeded, string.Join("; ", extra.Errors));

        var calendar = ChineseWorkingDayCalendar.Create(HolidayData.Embedded, extra.Data!);

        Assert.True(calendar.Covers(2027));
        Assert.True(calendar.Covers(2026));
        Assert.False(calendar.IsWorkingDay(D("2027-01-01")));
        Assert.True(calendar.IsWorkingDay(D("2027-02-06")));
        Assert.False(calendar.IsWorkingDay(D("2027-02-08")));

        // From 2026-12-31: 2027-01-01 is now off, so the 20th working day moves from 01-28 to 01-29.
        Assert.Equal(D("2027-01-29"), calendar.AddWorkingDays(D("2026-12-31"), 20));
    }

    [Fact]
    public void Create_LaterLayerReplacesYear_WholeNoticeIsReplaced()
    {
        // The original 2020 notice, before the 2020-01-27 extension: off 01-24…01-30, make-up 01-19 and 02-01.
        var original = HolidayData.Parse("""
            {"years": {"2020": {"notice": "https://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm", "days": [
              {"date": "2020-01-19", "name": "春节", "off": false},
              {"date": "2020-01-24", "name": "春节", "off": true},
              {"date": "2020-01-25", "name": "春节", "off": true},
              {"date": "2020-01-26", "name": "春节", "off": true},
              {"date": "2020-01-27", "name": "春节", "off": true},
              {"date": "2020-01-28", "name": "春节", "off": true},
              {"date": "2020-01-29", "name": "春节", "off": true},
              {"date": "2020-01-30", "name": "春节", "off": true},
              {"date": "2020-02-01", "name": "春节", "off": false}
            ]}}}
            """);
        Assert.True(original.Succeeded, string.Join("; ", original.Errors));

        var calendar = ChineseWorkingDayCalendar.Create(HolidayData.Embedded, original.Data!);

        // 01-19 (1), 01-20…01-23 (2–5), 01-31 (6), Sat 02-01 (7), 02-03…02-07 (8–12), 02-10…02-14 (13–17),
        // 02-17…02-19 (18–20): two days earlier than under the extension.
        Assert.Equal(D("2020-02-19"), calendar.AddWorkingDays(D("2020-01-17"), 20));
        Assert.True(calendar.IsWorkingDay(D("2020-02-01")));

        // Other holidays of 2020 were in the replaced notice only, so they are gone with it (whole-notice override).
        Assert.True(calendar.IsWorkingDay(D("2020-10-08")));
    }

    [Fact]
    public void Create_NoLayers_IsWeekdaysOnly()
    {
        var calendar = ChineseWorkingDayCalendar.Create();
        Assert.True(calendar.IsWorkingDay(D("2025-10-01")));
        Assert.Equal(261, calendar.WorkingDaysInYear(2025));
    }
}
