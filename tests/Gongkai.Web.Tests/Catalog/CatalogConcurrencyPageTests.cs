using System.Net;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Catalog.CatalogFlow;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>The item page and the settings page act on what the person saw, and say what changed when it changed.</summary>
public class CatalogConcurrencyPageTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Approve_TwoReviewersSameMoment_OneRecorded_OtherToldWhoDecided(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var first = await Staff.CreateAsync(app, "baomi", StaffRoles.ApprovingLeader);
        var second = await Staff.CreateAsync(app, "baomi2", StaffRoles.ApprovingLeader);
        await AssignDutiesAsync(app, (first.Id, "保密审查员"), (second.Id, "保密审查员"));
        using var secrecy = await SignInAsync(app, "baomi");
        using var secrecy2 = await SignInAsync(app, "baomi2");
        var page = await DraftAsync(officer, "两位审查员同时审查的信息", Today(app));
        await StepAsync(officer, page, "Submit");
        var seen = await SeenAsync(secrecy, page);

        var pages = await Task.WhenAll(StepAsync(secrecy, page, "Approve", seen), StepAsync(secrecy2, page, "Refuse", ("Reason", "请补充依据"), seen));

        var history = await officer.GetTextAsync(page);
        var decided = new[] { history.Contains("<td>同意</td>", StringComparison.Ordinal), history.Contains("<td>退回</td>", StringComparison.Ordinal) };
        Assert.Single(decided, d => d);
        var loser = decided[0] ? pages[1] : pages[0];
        Assert.Contains(decided[0] ? "baomi 同意（保密审查）" : "baomi2 退回（保密审查）：请补充依据", loser);
        Assert.Contains("本次操作未执行", loser);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Approve_AfterAnotherReviewerReturnedTheItem_ToldWhoReturnedIt_NotAnError(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var first = await Staff.CreateAsync(app, "baomi", StaffRoles.ApprovingLeader);
        var second = await Staff.CreateAsync(app, "baomi2", StaffRoles.ApprovingLeader);
        await AssignDutiesAsync(app, (first.Id, "保密审查员"), (second.Id, "保密审查员"));
        using var secrecy = await SignInAsync(app, "baomi");
        using var secrecy2 = await SignInAsync(app, "baomi2");
        var page = await DraftAsync(officer, "先退回后同意的信息", Today(app));
        await StepAsync(officer, page, "Submit");
        var seen = await SeenAsync(secrecy2, page);

        await StepAsync(secrecy, page, "Refuse", ("Reason", "请补充依据"), seen);
        var late = await StepAsync(secrecy2, page, "Approve", seen);

        Assert.Contains("baomi 退回（保密审查）：请补充依据", late);
        Assert.Contains("本次操作未执行", late);
        Assert.DoesNotContain("<td>同意</td>", late);
    }

    [Fact]
    public async Task Steps_PostedWithoutTheVersionSeen_Refused_NothingChanged()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, Cases.CaseFlow.NoDemoCases);
        var (officer, _, _) = await TeamAsync(app);
        var page = await DraftAsync(officer, "没有版本的表单", Today(app));

        using var submit = await officer.PostFormAsync(page, page + "?handler=Submit");
        var afterSubmit = await officer.GetTextAsync(page);
        using var edit = await officer.PostFormAsync(page + "/edit", page + "/edit",
            ("Input.Title", "改过的名称"), ("Input.Summary", "概述"), ("Input.GeneratedOn", Iso(Today(app))), ("Input.CategoryCode", "art20-01"), ("Input.Channels", "website"));
        var afterEdit = await officer.GetTextAsync(page);

        Assert.Contains("本次操作未执行：表单缺少所看到的版本（Version）", afterSubmit);
        Assert.Contains("<strong>草稿</strong>", afterSubmit);
        Assert.Contains("修改未保存：表单缺少所看到的版本（Version）", afterEdit);
        Assert.DoesNotContain("改过的名称", afterEdit);
    }

    [Fact]
    public async Task Edit_OnAnOlderVersion_NotSaved_ToldWhoChangedWhat()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, Cases.CaseFlow.NoDemoCases);
        var (officer, _, _) = await TeamAsync(app);
        using var admin = await AdminAsync(app);
        var page = await DraftAsync(officer, "两人同时修改的草稿", Today(app));
        var officerSaw = await SeenAsync(officer, page + "/edit");
        using (var first = await admin.PostFormAsync(page + "/edit", page + "/edit",
            ("Input.Title", "管理员改的名称"), ("Input.Summary", "概述"), ("Input.GeneratedOn", Iso(Today(app))), ("Input.CategoryCode", "art20-01"),
            ("Input.Channels", "website"), await SeenAsync(admin, page + "/edit")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var late = await officer.PostFormAsync(page + "/edit", page + "/edit",
            ("Input.Title", "科员改的名称"), ("Input.Summary", "概述"), ("Input.GeneratedOn", Iso(Today(app))), ("Input.CategoryCode", "art20-01"),
            ("Input.Channels", "website"), officerSaw);
        var shown = await officer.GetTextAsync(page);

        Assert.Contains("修改未保存：", shown);
        Assert.Contains("admin 修改", shown);
        Assert.Contains("管理员改的名称", shown);
        Assert.DoesNotContain("科员改的名称", shown);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SettingsPage_SeparateDuties_ExplainedOffByDefault_WhenOnTheDrafterMayNotReview(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        var drafterUser = await Staff.CreateAsync(app, "officer2", StaffRoles.DisclosureOfficer);
        var secrecyUser = await Staff.CreateAsync(app, "baomi", StaffRoles.ApprovingLeader);
        await AssignDutiesAsync(app, (drafterUser.Id, "保密审查员"), (drafterUser.Id, "科室负责人"), (secrecyUser.Id, "保密审查员"));
        using var drafter = await SignInAsync(app, "officer2");
        using var secrecy = await SignInAsync(app, "baomi");
        using var admin = await AdminAsync(app);
        var settings = await admin.GetHtmlAsync("/staff/admin/disclosure");
        Assert.Contains("拟稿人不能审核自己起草的信息", WebUtility.HtmlDecode(settings));
        Assert.DoesNotMatch("name=\"SeparateDuties\"[^>]*checked", settings);
        var before = await SeenAsync(admin, "/staff/admin/disclosure", "SettingsVersion");

        using (var on = await admin.PostFormAsync("/staff/admin/disclosure", "/staff/admin/disclosure?handler=Settings",
            ("IndexPattern", "{机构代码}/{YYYY}-{NNNNN}"), ("Steps[0].Name", "保密审查"), ("Steps[0].Role", "保密审查员"), ("Steps[1].Name", "主要负责人签发"), ("Steps[1].Role", "科室负责人"), ("SeparateDuties", "true"), before))
        {
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }

        // A second administrator's page, opened before that save, does not overwrite it.
        using (var stale = await admin.PostFormAsync("/staff/admin/disclosure", "/staff/admin/disclosure?handler=Settings",
            ("IndexPattern", "{机构代码}/{YYYY}-{NNNNN}"), ("Steps[0].Name", "保密审查"), ("Steps[0].Role", "保密审查员"), before))
        {
            var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
            Assert.Contains("目录与审核设置在您打开页面后已被admin于", html);
            Assert.Contains("审核分离开启", html);
        }

        Assert.Matches("name=\"SeparateDuties\"[^>]*checked", await admin.GetHtmlAsync("/staff/admin/disclosure"));
        var page = await DraftAsync(drafter, "拟稿人自己审查的信息", Today(app));
        await StepAsync(drafter, page, "Submit");
        var refused = await StepAsync(drafter, page, "Approve");
        Assert.Contains("本机关实行审核分离：officer2是该信息的拟稿人，不能审核该信息的任何步骤", refused);
        Assert.Contains("下一步：主要负责人签发", await StepAsync(secrecy, page, "Approve"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RulesPage_SavedOverAChangeMadeMeanwhile_NotSaved_ToldWhoSetWhat(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        using var admin = await AdminAsync(app);
        var seen = await Cases.RulesPageTests.SeenAsync(admin, "fee.payment-working-days");
        using (var first = await admin.PostFormAsync("/staff/admin/rules", "/staff/admin/rules", ("Values[fee.payment-working-days]", "15"), seen))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var late = await admin.PostFormAsync("/staff/admin/rules", "/staff/admin/rules", ("Values[fee.payment-working-days]", "20"), seen);
        using var unversioned = await admin.PostFormAsync("/staff/admin/rules", "/staff/admin/rules", ("Values[fee.payment-working-days]", "25"));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Matches("在您打开页面后已被admin于[-0-9 :]+改为“15”，本次未保存", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
        Assert.Contains("表单缺少所看到的版本", WebUtility.HtmlDecode(await unversioned.Content.ReadAsStringAsync()));
        await using var db = app.Database.Open();
        Assert.Equal("15", db.RuleSettings.AsEnumerable().Single().Value);
    }

    private static async Task<StaffClient> SignInAsync(GongkaiApp app, string userName)
    {
        var client = app.NewClient();
        await client.SignInOkAsync(userName, Staff.Password);
        return client;
    }
}
