using Gongkai.Data.Disclosure;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Disclosure;

/// <summary>
/// Every step on a catalogue item is taken on the version the person saw, checked by the database's UPDATE: of two
/// people acting on the same version one is recorded and the other is told, in Chinese, who did what meanwhile.
/// </summary>
public class CatalogConcurrencyTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 10, 9, 2, 0, 0, TimeSpan.Zero));

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Decide_TwoReviewersOnTheSameVersionAtOnce_ExactlyOneRecorded_TheOtherToldWhoDecided(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        int agency;
        await using (var setup = db.Open())
        {
            agency = await CatalogStoreTests.AddAgencyAsync(setup);
        }

        for (var trial = 0; trial < 10; trial++)
        {
            string index;
            int seen;
            await using (var context = db.Open())
            {
                var store = Store(context);
                index = await CatalogStoreTests.DraftAsync(store, agency, $"第{trial}条信息");
                var submitted = (await store.SubmitAsync(agency, index, "李四")).OrFail();
                seen = (await store.FindByIdAsync(agency, submitted.Id))!.Value.Version;
            }

            // Both secrecy reviewers saw the item at the 保密审查 step; both press 同意 (or 退回) at the same moment.
            using var start = new Barrier(2);
            var results = await Task.WhenAll(
                Task.Run(() => DecideAsync(db, agency, index, "王保密", approve: true, seen, start)),
                Task.Run(() => DecideAsync(db, agency, index, "赵保密", approve: false, seen, start)));

            var saved = Assert.Single(results, r => r.Succeeded).OrFail();
            var lost = Assert.IsType<Conflict>(Assert.Single(results, r => !r.Succeeded).Error);
            var winner = results[0].Succeeded ? "王保密" : "赵保密";
            Assert.Contains($"{winner} {(winner == "王保密" ? "同意" : "退回")}（保密审查）", lost.Message, StringComparison.Ordinal);
            Assert.Contains("本次操作未执行", lost.Message, StringComparison.Ordinal);
            await using var check = db.Open();
            var decisions = await check.CatalogItemEvents.AsNoTracking().Where(e => e.ItemId == saved.Id && (e.Kind == "Approved" || e.Kind == "Refused")).ToListAsync();
            Assert.Equal(winner, Assert.Single(decisions).Actor);
        }
    }

    [Fact]
    public async Task Decide_OnAnOlderVersion_RefusedEvenWhenTheStepLooksTheSame_NamesWhatHappened()
    {
        using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.Open();
        var agency = await CatalogStoreTests.AddAgencyAsync(context);
        var store = Store(context);
        var index = await CatalogStoreTests.DraftAsync(store, agency, "关于调整门诊收费标准的通知");
        var id = (await store.SubmitAsync(agency, index, "李四")).OrFail().Id;
        var seen = (await store.FindByIdAsync(agency, id))!.Value.Version;

        // Meanwhile: returned, resubmitted — the pending step is 保密审查 again, but not the one the reviewer saw.
        await store.DecideAsync(agency, index, false, "赵保密", "保密审查员", "附件缺页");
        await store.SubmitAsync(agency, index, "李四");
        var stale = await store.DecideAsync(agency, index, true, "王保密", "保密审查员", seenVersion: seen);

        var message = Assert.IsType<Conflict>(stale.Error).Message;
        Assert.Contains("赵保密 退回（保密审查）：附件缺页", message, StringComparison.Ordinal);
        Assert.Contains("李四 送审（保密审查）", message, StringComparison.Ordinal);
        Assert.Contains("现为审核中，待“保密审查”（保密审查员）", message, StringComparison.Ordinal);
        Assert.DoesNotContain(await store.HistoryAsync(agency, index), e => e.Actor == "王保密");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Edit_FiftyOfficersInParallelOnSharedItems_NoLostUpdate_EveryLoserToldInChinese(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        int agency;
        var items = new List<(long Id, string Index)>();
        await using (var setup = db.Open())
        {
            agency = await CatalogStoreTests.AddAgencyAsync(setup);
            var store = Store(setup);
            for (var i = 0; i < 5; i++)
            {
                var index = await CatalogStoreTests.DraftAsync(store, agency, $"共享草稿{i}");
                items.Add(((await setup.CatalogItems.SingleAsync(x => x.IndexNumber == index)).Id, index));
            }
        }

        // Each officer reads an item, edits its title on what they saw, and on a conflict reads again and retries.
        var conflicts = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(k => Task.Run(async () =>
        {
            var (id, index) = items[k % items.Count];
            for (var attempt = 0; attempt < 200; attempt++)
            {
                await using var context = db.Open();
                var store = Store(context);
                var (item, _, version) = (await store.FindByIdAsync(agency, id))!.Value;
                var result = await store.EditAsync(agency, index, new CatalogEdit($"科员{k}改的名称", item.Summary, item.GeneratedOn, item.CategoryCode, item.Publisher,
                    item.DocumentNumber, item.Channels), $"科员{k}", seenVersion: version);
                if (result.Succeeded)
                {
                    return;
                }

                conflicts.Add(Assert.IsType<Conflict>(result.Error).Message);
            }

            Assert.Fail($"科员{k} never got through");
        })));

        await using var check = db.Open();
        var edits = await check.CatalogItemEvents.AsNoTracking().Where(e => e.Kind == "Edited").ToListAsync();
        Assert.Equal(50, edits.Count); // every officer's change recorded once: none overwritten unseen
        Assert.Equal(Enumerable.Range(0, 50).Select(k => $"科员{k}").Order(StringComparer.Ordinal), edits.Select(e => e.Actor).Order(StringComparer.Ordinal));
        foreach (var (id, _) in items)
        {
            var row = await check.CatalogItems.AsNoTracking().SingleAsync(i => i.Id == id);
            var last = edits.Where(e => e.ItemId == id).MaxBy(e => e.Sequence)!;
            Assert.Equal(10, edits.Count(e => e.ItemId == id));
            Assert.Equal(row.Version, last.Sequence);
            Assert.Equal($"{last.Actor}改的名称", row.Title); // the title is the last recorded editor's
        }

        Assert.All(conflicts, m => Assert.Matches("已有新的办理记录：.*科员\\d+ 修改.*本次操作未执行", m));
    }

    [Fact]
    public async Task AddAttachments_OneOfThemAlreadyThere_NoneStored()
    {
        using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.Open();
        var agency = await CatalogStoreTests.AddAgencyAsync(context);
        var store = Store(context);
        var index = await CatalogStoreTests.DraftAsync(store, agency, "有附件的草稿");
        (await store.AddAttachmentAsync(agency, index, "名单.pdf", Pdf("a"), "李四")).OrFail();

        var result = await store.AddAttachmentsAsync(agency, index, [("说明.pdf", Pdf("b")), ("名单.pdf", Pdf("c"))], "李四");

        Assert.Contains("已有名为“名单.pdf”的附件", Assert.IsType<Refused>(result.Error).Message, StringComparison.Ordinal);
        Assert.Equal(["名单.pdf"], await context.CatalogAttachments.AsNoTracking().Select(a => a.Name).ToListAsync());
        Assert.Equal(["名单.pdf"], (await store.FindAsync(agency, index))!.Attachments.Select(a => a.Name));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveSettings_TwoAdministratorsOnTheSameVersion_SecondToldWhoSavedAndWhatIsNow(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CatalogStoreTests.AddAgencyAsync(context);
        var store = Store(context);
        var seen = await store.SettingsAsync(agency);

        var first = await store.SaveSettingsAsync(agency, seen with { ReviewChain = new ReviewChain([new ReviewStep("保密审查", "保密审查员")]) }, "管理员甲");
        var second = await store.SaveSettingsAsync(agency, seen with { SeparateDuties = true }, "管理员乙");
        var third = await store.SaveSettingsAsync(agency, (await store.SettingsAsync(agency)) with { SeparateDuties = true }, "管理员乙");

        Assert.Equal(1, first.Value);
        var conflict = Assert.IsType<Conflict>(second.Error);
        Assert.Contains("已被管理员甲于2025-10-09 10:00修改", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("审核流程 保密审查:保密审查员", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, third.Value);
        var now = await store.SettingsAsync(agency);
        Assert.True(now.SeparateDuties);
        Assert.Single(now.ReviewChain.Steps);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SeparateDuties_On_DrafterAndSecondStepRefusedWithTheReason_OffByDefault(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CatalogStoreTests.AddAgencyAsync(context);
        var store = Store(context);
        var chain = new ReviewChain([new ReviewStep("保密审查", "保密审查员"), new ReviewStep("主要负责人签发", "主要负责人")]);
        Assert.True((await store.SaveSettingsAsync(agency, (await store.SettingsAsync(agency)) with { ReviewChain = chain }, "管理员")).Succeeded);

        // Off (the default): one person drafts and decides every step, as in a small office.
        var alone = await DraftByAsync(store, agency, "小机关的信息", "李四");
        await store.SubmitAsync(agency, alone, "李四");
        (await store.DecideAsync(agency, alone, true, "李四", "保密审查员")).OrFail();
        Assert.Equal(CatalogItemStatus.Approved, (await store.DecideAsync(agency, alone, true, "李四", "主要负责人")).OrFail().Item.Status);

        Assert.True((await store.SaveSettingsAsync(agency, (await store.SettingsAsync(agency)) with { SeparateDuties = true }, "管理员")).Succeeded);
        var index = await DraftByAsync(store, agency, "实行审核分离后的信息", "李四");
        await store.SubmitAsync(agency, index, "李四");

        var byDrafter = await store.DecideAsync(agency, index, true, "李四", "保密审查员");
        (await store.DecideAsync(agency, index, true, "王五", "保密审查员")).OrFail();
        var twice = await store.DecideAsync(agency, index, true, "王五", "主要负责人");
        var returnByDrafter = await store.DecideAsync(agency, index, false, "李四", "主要负责人", "再改改");
        var signed = await store.DecideAsync(agency, index, true, "张局长", "主要负责人");

        Assert.Equal("本机关实行审核分离：李四是该信息的拟稿人，不能审核该信息的任何步骤", Assert.IsType<Refused>(byDrafter.Error).Message);
        Assert.Equal("本机关实行审核分离：王五已审核该信息的“保密审查”步骤，同一人只能审核其中一个步骤", Assert.IsType<Refused>(twice.Error).Message);
        Assert.Equal("本机关实行审核分离：李四是该信息的拟稿人，不能审核该信息的任何步骤", Assert.IsType<Refused>(returnByDrafter.Error).Message);
        Assert.Equal(CatalogItemStatus.Approved, signed.OrFail().Item.Status);
        Assert.Equal(["Drafted", "Submitted", "Approved", "Approved"], (await store.HistoryAsync(agency, index)).Select(e => e.Kind.ToString()));
    }

    [Fact]
    public async Task SeparateDuties_AfterReturnAndResubmission_TheSamePersonMayDecideTheFirstStepAgain()
    {
        using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.Open();
        var agency = await CatalogStoreTests.AddAgencyAsync(context);
        var store = Store(context);
        Assert.True((await store.SaveSettingsAsync(agency, (await store.SettingsAsync(agency)) with { SeparateDuties = true }, "管理员")).Succeeded);
        var index = await DraftByAsync(store, agency, "退回后重新送审的信息", "李四");
        await store.SubmitAsync(agency, index, "李四");
        await store.DecideAsync(agency, index, true, "王五", "保密审查员");
        (await store.DecideAsync(agency, index, false, "陈科长", "科室负责人", "数据有误")).OrFail();
        await store.SubmitAsync(agency, index, "李四");

        (await store.DecideAsync(agency, index, true, "王五", "保密审查员")).OrFail();
        Assert.Equal("本机关实行审核分离：王五已审核该信息的“保密审查”步骤，同一人只能审核其中一个步骤",
            Assert.IsType<Refused>((await store.DecideAsync(agency, index, true, "王五", "科室负责人")).Error).Message);
    }

    private static CatalogStore Store(GongkaiDbContext context) => new(context, ChineseWorkingDayCalendar.Default, Clock);

    private static async Task<string> DraftByAsync(CatalogStore store, int agency, string title, string drafter) =>
        (await store.AddAsync(new NewCatalogItem(agency, title, "内容概述", new DateOnly(2025, 9, 26), "art20-01", Actor: drafter))).OrFail().Item.IndexNumber;

    private static async Task<Result<CatalogItemSaved>> DecideAsync(TestDatabase db, int agency, string index, string who, bool approve, int seen, Barrier start)
    {
        await using var context = db.Open();
        var store = Store(context);
        await context.Database.OpenConnectionAsync();
        start.SignalAndWait(TimeSpan.FromSeconds(30));
        return await store.DecideAsync(agency, index, approve, who, "保密审查员", approve ? null : "请补充依据", seenVersion: seen);
    }

    private static byte[] Pdf(string marker) => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% " + marker + "\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
