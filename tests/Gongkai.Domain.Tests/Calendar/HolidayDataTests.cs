using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public class HolidayDataTests
{
    [Fact]
    public void Embedded_ShippedFile_ParsesWithSourceAndNotices()
    {
        var data = HolidayData.Embedded;

        Assert.Contains("holiday-cn", data.Source, StringComparison.Ordinal);
        Assert.Equal(8, data.Years.Count);
        Assert.Contains(data.Years[2020].Amendments, a => a.Contains("content_5472352", StringComparison.Ordinal));
        Assert.All(data.Years.Values, n => Assert.StartsWith("https://www.gov.cn/zhengce/zhengceku/", n.Notice, StringComparison.Ordinal));
    }

    [Fact]
    public void Embedded_AdjacentYearDates_BelongToTheirNotice()
    {
        var data = HolidayData.Embedded;

        Assert.Contains(data.Years[2019].Days, d => d.Date == new DateOnly(2018, 12, 29) && !d.Off);
        Assert.Contains(data.Years[2023].Days, d => d.Date == new DateOnly(2022, 12, 31) && d.Off);
    }

    [Fact]
    public void Embedded_2020SpringFestival_IsTheExtendedPeriod()
    {
        var spring = HolidayData.Embedded.Years[2020].Days.Where(d => d.Name == "春节").ToList();

        Assert.Equal(10, spring.Count(d => d.Off));
        Assert.Equal([new DateOnly(2020, 1, 19)], spring.Where(d => !d.Off).Select(d => d.Date));
    }

    [Fact]
    public void Parse_InvalidJson_ReportsLine()
    {
        var result = HolidayData.Parse("{\n  \"years\": {\n    \"2027\": [\n}");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.NotNull(error.Line);
        Assert.Contains("不是有效的JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadDate_NamesLineAndField()
    {
        var result = HolidayData.Parse("""
            {
              "years": {
                "2027": {
                  "notice": "https://example.gov.cn/n.htm",
                  "days": [
                    {"date": "2027-01-01", "name": "元旦", "off": true},
                    {"date": "2027-02-30", "name": "春节", "off": true}
                  ]
                }
              }
            }
            """);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("years.2027.days[1].date", error.Path);
        Assert.Equal(7, error.Line);
        Assert.Equal("第7行 years.2027.days[1].date：“\"2027-02-30\"”不是有效日期，应为 YYYY-MM-DD（如 \"2027-01-01\"）", error.ToString());
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var result = HolidayData.Parse("""
            {
              "years": {
                "27": {"notice": "x", "days": [{"date": "2027-01-01", "name": "元旦", "off": true}]},
                "2027": {
                  "notice": "",
                  "day": [],
                  "days": [
                    {"date": "2027-01-04", "name": "元旦", "off": false},
                    {"date": "2029-01-01", "name": "元旦", "off": true},
                    {"date": "2027-01-01", "name": "", "off": "yes"},
                    {"date": "2027-01-02", "name": "元旦", "off": true},
                    {"date": "2027-01-02", "name": "元旦", "off": true}
                  ]
                }
              }
            }
            """);

        Assert.False(result.Succeeded);
        var messages = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.Contains("年份“27”不是四位数字年份", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("years.2027.notice：应为非空字符串", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("未知字段“day”", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("2027-01-04是工作日（星期一），不能再标为调休上班", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("不属于2027年的放假通知", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("days[2].name：应为非空字符串", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("days[2].off：应为 true（放假）或 false（调休上班）", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("日期2027-01-02在2027年中重复出现", StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.NotNull(e.Line));
    }

    [Fact]
    public void Parse_EmptyDays_IsRefusedSoTheYearIsNotTakenAsKnown()
    {
        var result = HolidayData.Parse("""{"years": {"2027": {"notice": "https://example.gov.cn/n.htm", "days": []}}}""");

        Assert.False(result.Succeeded);
        Assert.Contains("国务院通知发布之前不要添加该年份", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingYears_IsAnError()
    {
        var result = HolidayData.Parse("""{"source": "x"}""");

        Assert.Equal("缺少字段 years", Assert.Single(result.Errors).Message);
    }
}
