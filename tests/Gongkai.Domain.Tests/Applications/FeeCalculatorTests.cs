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

    [Theory]
    [InlineData(30, "1–30页：免收")]
    [InlineData(31, "1–30页：免收；31–100页：1页×10元＝10元")]
    [InlineData(100, "1–30页：免收；31–100页：70页×10元＝700元")]
    [InlineData(101, "1–30页：免收；31–100页：70页×10元＝700元；101–200页：1页×20元＝20元")]
    [InlineData(200, "1–30页：免收；31–100页：70页×10元＝700元；101–200页：100页×20元＝2000元")]
    [InlineData(201, "1–30页：免收；31–100页：70页×10元＝700元；101–200页：100页×20元＝2000元；201页以上：1页×40元＝40元")]
    public void QuotePages_Boundaries_BandsInWordsAddUpToPerPage(int pages, string bands)
    {
        var quote = FeeCalculator.QuotePages(pages);

        Assert.Equal(bands, string.Join("；", quote.Bands.Select(b => b.Text)));
        Assert.Equal(FeeCalculator.PerPage(pages), quote.Total);
        Assert.Equal($"按量计收，共{pages}页：{bands}", quote.Basis);
    }

    [Theory]
    [InlineData(0, "1–10件：免收", 0)]
    [InlineData(10, "11–30件：1件×100元＝100元", 100)]
    [InlineData(30, "31–40件：1件×200元＝200元", 200)]
    [InlineData(40, "41–50件：1件×300元＝300元", 300)]
    public void QuoteApplication_Position_NamesItsBand(int earlier, string band, int total)
    {
        var quote = _calculator.QuoteApplication(earlier);

        Assert.Equal(band, quote.Bands.Single().Text);
        Assert.Equal(total, quote.Total);
        Assert.Equal(earlier + 1, quote.Quantity);
    }

    [Fact]
    public void QuoteApplication_ConfiguredTiers_FromTheRulesPage()
    {
        var rules = ConfigurableRules.Apply(new Dictionary<string, string> { [ConfigurableRules.FeeTierSize] = "5", [ConfigurableRules.FeeTierIncrement] = "50" });

        var quote = new FeeCalculator(rules.Cases.FeeTiers).QuoteApplication(35);

        Assert.Equal("36–40件：1件×200元＝200元", quote.Bands.Single().Text);
        Assert.Contains("应为1至100的整数（单位：件）", ConfigurableRules.Problem(ConfigurableRules.FeeTierSize, "0"), StringComparison.Ordinal);
    }

    [Fact]
    public void PerPage_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.PerPage(-1));
}
