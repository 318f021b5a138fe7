using Gongkai.Data.Demo;
using Gongkai.Domain.Applications;

namespace Gongkai.Data.Tests.Demo;

/// <summary>The one case generator (web demo and benchmarks): one table of outcomes, replies never a lapse.</summary>
public class CaseGeneratorTests
{
    [Fact]
    public void NextReplyOutcome_IsNeverALapsedSupplement()
    {
        var generator = new CaseGenerator(7);

        var outcomes = Enumerable.Range(0, 3000).Select(_ => generator.NextReplyOutcome()).ToHashSet();

        Assert.DoesNotContain(CaseOutcome.NoSupplement, outcomes);
        Assert.Contains(CaseOutcome.AlreadyPublic, outcomes);
        Assert.Contains(CaseOutcome.Granted, outcomes);
    }

    [Fact]
    public void ClosedCases_LedgerOutcomesIncludeLapsesAndAlreadyPublic_SameForTheSameSeed()
    {
        var first = new CaseGenerator(2025).ClosedCases(3000, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)).ToList();
        var again = new CaseGenerator(2025).ClosedCases(3000, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)).ToList();

        Assert.Equal(first, again);
        Assert.Contains(first, r => r.Outcome == CaseOutcome.NoSupplement);
        Assert.Contains(first, r => r.Outcome == CaseOutcome.AlreadyPublic);
        Assert.All(first, r => Assert.InRange(r.ClosedOn!.Value.DayNumber - r.ReceivedOn.DayNumber, 3, 30));
    }
}
