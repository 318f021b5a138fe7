using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Applications;

public class ConfigurableRulesTests
{
    [Theory]
    [InlineData(WorkingDayConvention.StartDayNotCounted, "2025-09-26", 20, "2025-10-30")] // docs/legal.md §5.3
    [InlineData(WorkingDayConvention.StartDayCounted, "2025-09-26", 20, "2025-10-29")]
    [InlineData(WorkingDayConvention.StartDayCounted, "2025-10-01", 20, "2025-11-04")] // 国庆: the start day is no working day, nothing changes
    [InlineData(WorkingDayConvention.StartDayNotCounted, "2025-10-01", 20, "2025-11-04")]
    [InlineData(WorkingDayConvention.StartDayCounted, "2025-09-26", 1, "2025-09-26")]
    [InlineData(WorkingDayConvention.StartDayCounted, "2025-09-26", 0, "2025-09-26")]
    public void AddWorkingDays_UnderEachConvention(WorkingDayConvention convention, string start, int days, string expected)
    {
        var calendar = ChineseWorkingDayCalendar.Default.With(convention);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            calendar.AddWorkingDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Fact]
    public void Apply_NothingStored_IsTheDocumentedDefaults()
    {
        var rules = ConfigurableRules.Apply(new Dictionary<string, string>());

        Assert.Equal(RulesInForce.Default, rules);
        Assert.Equal(WorkingDayConvention.StartDayNotCounted, rules.Convention);
        Assert.True(rules.Cases.FeeTimeStopsClock);
    }

    [Fact]
    public void Apply_StoredValues_SetEachRule()
    {
        var rules = ConfigurableRules.Apply(new Dictionary<string, string>
        {
            [ConfigurableRules.StartDay] = "counted",
            [ConfigurableRules.EmailReceipt] = "mail-system",
            [ConfigurableRules.FeeStopsClock] = "false",
            [ConfigurableRules.FeePaymentDays] = "15",
        });

        Assert.Equal(WorkingDayConvention.StartDayCounted, rules.Convention);
        Assert.Equal(EmailReceiptRule.MailSystemReceipt, rules.Cases.EmailReceipt);
        Assert.False(rules.Cases.FeeTimeStopsClock);
        Assert.Equal(15, rules.Cases.FeePaymentWorkingDays);
    }

    [Theory]
    [InlineData("working-days.first-day", "counted", "没有名为“working-days.first-day”的规则")]
    [InlineData("working-days.start-day", "yes", "规则 working-days.start-day 的值“yes”无效；可选：not-counted（")]
    [InlineData("fee.payment-working-days", "0", "应为1至60的工作日数")]
    public void Problem_UnknownKeyOrValue_SaysWhatIsAllowed(string key, string value, string message) =>
        Assert.Contains(message, ConfigurableRules.Problem(key, value), StringComparison.Ordinal);
}
