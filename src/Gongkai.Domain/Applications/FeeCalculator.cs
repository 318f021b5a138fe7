namespace Gongkai.Domain.Applications;

/// <summary>
/// 按件计收 tiers (国办函〔2020〕109号 Art. 4, docs/legal.md §3). The bands up to 30 are V; how the bands from the 31st
/// application step up is U ("one tier per 10 applications, each further tier adds 100 元/件"), hence these options.
/// Default: 1–10 free, 11–30 100 元/件, 31–40 200 元/件, 41–50 300 元/件, and so on.
/// </summary>
public sealed record PerApplicationTiers
{
    /// <summary>The defaults.</summary>
    public static PerApplicationTiers Default { get; } = new();

    /// <summary>Applications in a calendar month that are free (含10, V).</summary>
    public int FreeApplications { get; init; } = 10;

    /// <summary>The last application of the first charged band (含30, V).</summary>
    public int FirstBandEnd { get; init; } = 30;

    /// <summary>The rate of the first charged band, 元/件 (V).</summary>
    public decimal FirstBandRate { get; init; } = 100m;

    /// <summary>Applications per further tier after the first band (U; default 10).</summary>
    public int TierSize { get; init; } = 10;

    /// <summary>What each further tier adds to the rate, 元/件 (U; default 100).</summary>
    public decimal TierIncrement { get; init; } = 100m;
}

/// <summary>
/// 信息处理费 (Art. 42; 国办函〔2020〕109号 Arts. 3–5, docs/legal.md §3): per application (按件) or per page (按量), both
/// progressive by excess (超额累进): each band's rate applies only to the part within the band. For one application
/// the agency uses one method, never both (Art. 3).
/// </summary>
public sealed class FeeCalculator(PerApplicationTiers? tiers = null)
{
    /// <summary>按量 (Art. 5, V): pages free up to and including this number.</summary>
    public const int FreePages = 30;

    private static readonly (int UpTo, decimal Rate)[] PageBands = [(FreePages, 0m), (100, 10m), (200, 20m), (int.MaxValue, 40m)];

    /// <summary>The tiers in use.</summary>
    public PerApplicationTiers Tiers { get; } = tiers ?? PerApplicationTiers.Default;

    /// <summary>按件 (Art. 4): the rate, 元, of the <paramref name="position"/>-th application of one applicant in a calendar month.</summary>
    public decimal RateOfApplication(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        if (position <= Tiers.FreeApplications)
        {
            return 0m;
        }

        if (position <= Tiers.FirstBandEnd)
        {
            return Tiers.FirstBandRate;
        }

        var tier = ((position - Tiers.FirstBandEnd - 1) / Tiers.TierSize) + 1;
        return Tiers.FirstBandRate + (tier * Tiers.TierIncrement);
    }

    /// <summary>按件 (Art. 4): the total, 元, for <paramref name="applicationsInMonth"/> applications of one applicant in a calendar month.</summary>
    public decimal PerApplicationTotal(int applicationsInMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(applicationsInMonth);
        var total = 0m;
        for (var n = 1; n <= applicationsInMonth; n++)
        {
            total += RateOfApplication(n);
        }

        return total;
    }

    /// <summary>
    /// 按件 (Art. 4): the fee, 元, for <paramref name="count"/> new applications when the applicant already made
    /// <paramref name="earlierInMonth"/> in the same calendar month.
    /// </summary>
    public decimal PerApplication(int earlierInMonth, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(earlierInMonth);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return PerApplicationTotal(earlierInMonth + count) - PerApplicationTotal(earlierInMonth);
    }

    /// <summary>
    /// 按件 (Art. 4): the fee of one application that is the (<paramref name="earlierInMonth"/> + 1)-th of its applicant in
    /// a calendar month, with the band it falls in (progressive: only this application's band counts).
    /// </summary>
    public FeeQuote QuoteApplication(int earlierInMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(earlierInMonth);
        var position = earlierInMonth + 1;
        var (from, to) = position <= Tiers.FreeApplications ? (1, Tiers.FreeApplications)
            : position <= Tiers.FirstBandEnd ? (Tiers.FreeApplications + 1, Tiers.FirstBandEnd)
            : BandOf(position);
        return new FeeQuote(FeeMethod.PerApplication, position, [new FeeBand(from, to, 1, RateOfApplication(position), "件")]);
    }

    private (int From, int To) BandOf(int position)
    {
        var tier = (position - Tiers.FirstBandEnd - 1) / Tiers.TierSize;
        var from = Tiers.FirstBandEnd + 1 + (tier * Tiers.TierSize);
        return (from, from + Tiers.TierSize - 1);
    }

    /// <summary>按量 (Art. 5, V): <see cref="PerPage"/> with each band the pages fall in (<c>31–100页：70页×10元＝700元</c>).</summary>
    public static FeeQuote QuotePages(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        var bands = new List<FeeBand>();
        var lower = 0;
        foreach (var (upTo, rate) in PageBands)
        {
            if (pages <= lower)
            {
                break;
            }

            bands.Add(new FeeBand(lower + 1, upTo == int.MaxValue ? null : upTo, Math.Min(pages, upTo) - lower, rate, "页"));
            lower = upTo;
        }

        return new FeeQuote(FeeMethod.PerPage, pages, bands);
    }

    /// <summary>按量 (Art. 5, V): ≤30 pages free; 31–100 10 元/页; 101–200 20 元/页; from 201 40 元/页, progressive.</summary>
    public static decimal PerPage(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        var total = 0m;
        var lower = 0;
        foreach (var (upTo, rate) in PageBands)
        {
            if (pages <= lower)
            {
                break;
            }

            total += (Math.Min(pages, upTo) - lower) * rate;
            lower = upTo;
        }

        return total;
    }
}
