using Gongkai.Application.Reviews;
using Gongkai.Data;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests.UseCases;

/// <summary><see cref="RecordReviewLitigation"/> on both databases: what is stored, and what is refused with nothing stored.</summary>
public class RecordReviewLitigationTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Record_ConcludedReviewOfACase_StoredWithTheCase(DatabaseProvider provider)
    {
        await using var host = await UseCaseHost.CreateAsync(provider, new FixedClock(new DateTimeOffset(2025, 10, 9, 2, 0, 0, TimeSpan.Zero)));
        var context = host.Db;
        var agency = await host.AddAgencyAsync();
        var number = await host.RegisterCaseAsync(agency, new DateOnly(2025, 3, 3));

        var result = await host.Get<RecordReviewLitigation>().ExecuteAsync(new RecordReviewLitigationRequest(agency, ReviewLitigationGroup.Review,
            new DateOnly(2025, 5, 6), ReviewOutcome.Corrected, new DateOnly(2025, 7, 1), number, "示复〔2025〕12号"));

        Assert.True(result.Succeeded, result.Error?.Message);
        var row = await context.ReviewLitigation.AsNoTracking().SingleAsync();
        Assert.Equal(result.Value, row.Id);
        Assert.Equal(await context.Cases.Select(c => c.Id).SingleAsync(), row.CaseId);
        Assert.Equal(("review", "corrected", new DateOnly(2025, 5, 6), (DateOnly?)new DateOnly(2025, 7, 1), "示复〔2025〕12号"),
            (row.Kind, row.Outcome, row.FiledOn, row.ConcludedOn, row.Reference));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Record_PendingLawsuit_StoredAsPending(DatabaseProvider provider)
    {
        await using var host = await UseCaseHost.CreateAsync(provider);
        var context = host.Db;
        var agency = await host.AddAgencyAsync();

        var result = await host.Get<RecordReviewLitigation>().ExecuteAsync(new RecordReviewLitigationRequest(agency, ReviewLitigationGroup.LitigationDirect,
            new DateOnly(2025, 5, 6), null, null, null, null));

        Assert.True(result.Succeeded, result.Error?.Message);
        var row = await context.ReviewLitigation.AsNoTracking().SingleAsync();
        Assert.Equal(("litigationDirect", "pending", (long?)null), (row.Kind, row.Outcome, row.CaseId));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Record_UnknownCaseNumberOrOutcomeWithoutDate_RefusedNothingStored(DatabaseProvider provider)
    {
        await using var host = await UseCaseHost.CreateAsync(provider);
        var context = host.Db;
        var agency = await host.AddAgencyAsync();
        var record = host.Get<RecordReviewLitigation>();

        var unknownCase = await record.ExecuteAsync(new RecordReviewLitigationRequest(agency, ReviewLitigationGroup.Review,
            new DateOnly(2025, 5, 6), null, null, "2025-999", null));
        var noDate = await record.ExecuteAsync(new RecordReviewLitigationRequest(agency, ReviewLitigationGroup.Review,
            new DateOnly(2025, 5, 6), ReviewOutcome.Upheld, null, null, null));
        var early = await record.ExecuteAsync(new RecordReviewLitigationRequest(agency, ReviewLitigationGroup.Review,
            new DateOnly(2025, 5, 6), ReviewOutcome.Upheld, new DateOnly(2025, 5, 1), null, null));

        Assert.Equal("示范区卫生健康局没有申请编号为 2025-999 的案件", Assert.IsType<NotFound>(unknownCase.Error).Message);
        Assert.Equal("已填审结结果，但没有审结日期", Assert.IsType<Refused>(noDate.Error).Message);
        Assert.Equal("审结日期早于立案（申请）日期", Assert.IsType<Refused>(early.Error).Message);
        Assert.Equal(0, await context.ReviewLitigation.CountAsync());
    }
}
