using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>国办函〔2020〕109号 Arts. 4–5 (docs/legal.md §3), progressive by excess.</summary>
public class FeeCalculatorTests
{
    private readonly FeeCalculator _calculator = new();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(55, 400)]
    public void RateOfApplication_Position_FollowsTiers(int position, int expected) =>
        Assert.Equal(expected, _calculator.RateOfApplication(position));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 2000)] // 20 × 100
    [InlineData(35, 3000)] // 20 × 100 + 5 × 200
    [InlineData(45, 5500)] // 20 × 100 + 10 × 200 + 5 × 300
    public void PerApplicationTotal_ApplicationsInMonth_IsProgressive(int count, int expected) =>
        Assert.Equal(expected, _calculator.PerApplicationTotal(count));

    [Fact]
    public void PerApplication_ThreeNewAfterTwentyNine_ChargesPartInEachBand() =>
        Assert.Equal(100m + 200m + 200m, _calculator.PerApplication(earlierInMonth: 29, count: 3));

    [Fact]
    public void PerApplication_CustomTiers_UsesConfiguredIncrement()
    {
        var flat = new FeeCalculator(new PerApplicationTiers { TierIncrement = 0m });

        Assert.Equal(100m, flat.RateOfApplication(55));
        Assert.Equal(3500m, flat.PerApplicationTotal(45));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)] // 70 × 10
    [InlineData(101, 720)] // 700 + 1 × 20
    [InlineData(200, 2700)] // 700 + 100 × 20
    [InlineData(250, 4700)] // 700 + 2000 + 50 × 40
    public void PerPage_Pages_IsProgressive(int pages, int expected) =>
        Assert.Equal(expected, FeeCalculator.PerPage(pages));

    [Fact]
    public void PerPage_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.PerPage(-1));
}
