using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class CatalogItemTests
{
    private static readonly DateTimeOffset At = new(2025, 10, 9, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_EveryStepApproved_EndsApproved_ThenPublish()
    {
        var item = Submitted(ReviewChain.Default);

        foreach (var step in ReviewChain.Default.Steps)
        {
            Assert.Equal(step, item.PendingStep);
            item = Accept(item.Decide(true, "审核人", step.Role, At));
        }

        Assert.Equal(CatalogItemStatus.Approved, item.Status);
        var published = Accept(item.Publish(new DateOnly(2025, 10, 9), "办公室", At));
        Assert.Equal(CatalogItemStatus.Published, published.Status);
        Assert.True(published.IsPublic);
    }

    [Fact]
    public void Decide_Refusal_ReturnsToDraftWithTheReason_AndRecordsWhoAndWhen()
    {
        var item = Accept(Submitted(ReviewChain.Default).Decide(true, "王保密", "保密审查员", At));

        var result = Assert.IsType<CatalogStepAccepted>(item.Decide(false, "陈科长", "科室负责人", At, "数据口径有误"));

        Assert.Equal(CatalogItemStatus.Draft, result.Item.Status);
        Assert.Equal("数据口径有误", result.Item.ReturnedReason);
        Assert.Equal(new CatalogEvent(CatalogEventKind.Refused, "陈科长", At, 1, "科室负责人审核", "科室负责人", "数据口径有误"), result.Event);
    }

    [Theory]
    [InlineData(false, "", "退回时须说明理由")]
    [InlineData(true, "主要负责人", "当前步骤“保密审查”须由“保密审查员”审核")]
    public void Decide_WithoutReasonOrByTheWrongRole_IsRefused(bool approve, string role, string message)
    {
        var result = Submitted(ReviewChain.Default).Decide(approve, "某人", approve ? role : "保密审查员", At);

        Assert.Contains(message, Assert.IsType<CatalogStepRefused>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_BeforeApproval_AndEdit_InReview_AreRefused()
    {
        var item = Submitted(ReviewChain.Default);

        Assert.Contains("只有审核通过的信息可以发布", Assert.IsType<CatalogStepRefused>(item.Publish(new DateOnly(2025, 10, 9), "x", At)).Reason, StringComparison.Ordinal);
        Assert.IsType<CatalogStepRefused>(item.Edit("t", "s", item.GeneratedOn, "p", "c", [PublicationChannel.GovernmentWebsite], null, [], "科员", At));
    }

    [Fact]
    public void Draft_WithoutSummary_IsRefusedCitingArticle12() =>
        Assert.Equal("请填写内容概述（第十二条）", Assert.IsType<CatalogStepRefused>(CatalogItem.Draft("X/1", "名称", " ", new DateOnly(2025, 1, 2), "局", "art20-01")).Reason);

    [Theory]
    [InlineData("2025-09-26", "2025-10-30")] // 国庆: 调休 09-28 and 10-11 worked, 10-01…10-08 off
    [InlineData("2025-09-01", "2025-09-28")]
    [InlineData("2026-02-13", "2026-03-19")] // 春节 2026
    public void DueOn_Is20WorkingDaysAfterGeneration_Art26(string generated, string due)
    {
        var item = Draft(DateOnly.Parse(generated, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), item.DueOn(ChineseWorkingDayCalendar.Default));
    }

    [Fact]
    public void IsOverdue_UnpublishedAfterTheDueDate_ButNotOnIt_NorOncePublished()
    {
        var calendar = ChineseWorkingDayCalendar.Default;
        var item = Draft(new DateOnly(2025, 9, 26));

        Assert.False(item.IsOverdue(new DateOnly(2025, 10, 30), calendar));
        Assert.True(item.IsOverdue(new DateOnly(2025, 10, 31), calendar));
        var published = item with { Status = CatalogItemStatus.Published, PublishedOn = new DateOnly(2025, 11, 3) };
        Assert.False(published.IsOverdue(new DateOnly(2025, 12, 1), calendar));
        Assert.True(published.WasPublishedLate(calendar));
    }

    [Fact]
    public void Withdraw_AndValidity_OnlyForPublishedItems()
    {
        var published = Draft(new DateOnly(2025, 9, 26)) with { Status = CatalogItemStatus.Published, PublishedOn = new DateOnly(2025, 9, 30) };

        var repealed = Accept(published.ChangeValidity(Validity.Repealed, "办公室", At));
        var withdrawn = Accept(published.Withdraw("误发", "办公室", At));

        Assert.Equal(Validity.Repealed, repealed.Validity);
        Assert.True(repealed.IsPublic); // 废止 documents stay in the catalogue, marked so
        Assert.False(withdrawn.IsPublic);
        Assert.IsType<CatalogStepRefused>(Draft(new DateOnly(2025, 9, 26)).Withdraw("误发", "办公室", At));
    }

    [Fact]
    public void ReviewChain_Parse_StepsAndRoles()
    {
        var chain = ReviewChain.Parse("保密审查:保密审查员 → 科室负责人审核：科室负责人 → 主要负责人签发", out var error);

        Assert.Null(error);
        Assert.Equal([new ReviewStep("保密审查", "保密审查员"), new ReviewStep("科室负责人审核", "科室负责人"), new ReviewStep("主要负责人签发", "主要负责人签发")], chain!.Steps);
        Assert.Null(ReviewChain.Parse(" ", out error));
        Assert.Contains("至少应有一个步骤", error, StringComparison.Ordinal);
        Assert.Null(ReviewChain.Parse("保密审查:保密审查员 → 科室负责人审核:", out error));
        Assert.Equal("第2步“科室负责人审核”：请选择审核岗位", error);
    }

    [Fact]
    public void Edit_ReturnedDraft_RecordsWhoChangedWhichFields_AndKeepsTheIndexNumber()
    {
        var returned = Accept(Submitted(ReviewChain.Default).Decide(false, "王保密", "保密审查员", At, "附件含身份证号"));

        var result = Assert.IsType<CatalogStepAccepted>(returned.Edit("更正后的名称", returned.Summary, returned.GeneratedOn, returned.Publisher, returned.CategoryCode,
            returned.Channels, "区卫健〔2025〕3号", [new CatalogAttachment("名单.pdf", "file:7")], "张科员", At));

        Assert.Equal(returned.IndexNumber, result.Item.IndexNumber);
        Assert.Equal("更正后的名称", result.Item.Title);
        Assert.Equal(new CatalogEvent(CatalogEventKind.Edited, "张科员", At, Reason: "修改了名称、文号、附件"), result.Event);
    }

    [Fact]
    public void Edit_NothingChanged_RecordsNothing()
    {
        var item = Draft(new DateOnly(2025, 9, 26));

        var result = Assert.IsType<CatalogStepAccepted>(item.Edit(item.Title, item.Summary, item.GeneratedOn, item.Publisher, item.CategoryCode, item.Channels, item.DocumentNumber, item.Attachments, "张科员", At));

        Assert.Null(result.Event);
    }

    [Theory]
    [InlineData("科室负责人审核:科室负责人 → 主要负责人签发:主要负责人", "审核流程中应有保密审查步骤（第十七条")]
    [InlineData("保密审查:保密审查员\n保密审查:办公室", "第2步：审核步骤“保密审查”重复")]
    public void ReviewChain_Parse_WithoutSecrecyReviewOrTwiceTheSameStep_IsRefused(string text, string message)
    {
        Assert.Null(ReviewChain.Parse(text, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    private static CatalogItem Draft(DateOnly generated) =>
        Accept(CatalogItem.Draft("GZPY-WJ/2025-00001", "关于公布校验结果的公告", "公布校验结果", generated, "番禺区卫生健康局", "art20-05"));

    private static CatalogItem Submitted(ReviewChain chain) => Accept(Draft(new DateOnly(2025, 9, 26)).Submit(chain, "李四", At));

    private static CatalogItem Accept(CatalogStepResult result) => Assert.IsType<CatalogStepAccepted>(result).Item;
}
