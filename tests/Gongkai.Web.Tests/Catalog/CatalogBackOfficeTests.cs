using System.Net;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Catalog.CatalogFlow;

namespace Gongkai.Web.Tests.Catalog;

public class CatalogBackOfficeTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Item_DraftedReturnedEditedReviewedAndPublished_PublicFindsItAndItsFile_ReportCountsIt(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        var (officer, secrecy, leader) = await TeamAsync(app);
        using var visitor = app.NewClient();
        var today = Today(app);
        var pdf = Pdf("接种点名单");

        var page = await DraftAsync(officer, "关于秋冬季流感疫苗接种点的公告", today, files: ("接种点名单.pdf", pdf));
        var drafted = await officer.GetTextAsync(page);
        Assert.Contains($"已保存草稿，索引号 ", drafted);
        Assert.Contains("<strong>草稿</strong>", drafted);
        Assert.Contains("接种点名单.pdf", drafted);

        var submitted = await StepAsync(officer, page, "Submit");
        Assert.Contains("已送审；下一步：保密审查（保密审查员）", submitted);
        // The leader holds no duty at the first step: the form is not offered and a post is refused.
        Assert.Contains("须由担任“保密审查员”审核岗位的人员审核", await leader.GetTextAsync(page));
        using (var early = await leader.PostFormAsync(page, page + "?handler=Approve"))
        {
            AssertDenied(early);
        }

        var noReason = await StepAsync(secrecy, page, "Refuse", ("Reason", " "));
        Assert.Contains("退回时须说明理由", noReason);
        var returned = await StepAsync(secrecy, page, "Refuse", ("Reason", "附件含个人联系方式，请删除后重新送审"));
        Assert.Contains("退回理由", returned);
        Assert.Contains("附件含个人联系方式，请删除后重新送审", returned);

        using (var edit = await officer.PostFormAsync(page + "/edit", page + "/edit",
            ("Input.Title", "关于2026年秋冬季流感疫苗接种点的公告"), ("Input.Summary", "全区接种点名单、开放时间和咨询电话。"), ("Input.GeneratedOn", Iso(today)),
            ("Input.CategoryCode", "art20-01"), ("Input.Channels", "website"), await SeenAsync(officer, page + "/edit")))
        {
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        }

        await StepAsync(officer, page, "Submit");
        await StepAsync(secrecy, page, "Approve", ("Reason", "已审查，不涉密"));
        await StepAsync(leader, page, "Approve");
        await StepAsync(leader, page, "Approve");
        var approved = await StepAsync(leader, page, "Approve");
        Assert.Contains("<strong>已审核待发布</strong>", approved);
        var id = page.Split('/')[^1];
        Assert.DoesNotContain("2026年秋冬季流感疫苗", await visitor.GetTextAsync("/catalog?q=" + Uri.EscapeDataString("流感疫苗")));

        Assert.DoesNotContain("最新公开", await visitor.GetTextAsync("/"));
        var published = await StepAsync(officer, page, "Publish");
        // The home page is cached for visitors; publication evicts it.
        Assert.Contains($"<a href=\"/catalog/{page.Split('/')[^1]}\">关于2026年秋冬季流感疫苗接种点的公告</a>", await visitor.GetTextAsync("/"));

        Assert.Contains("已发布，公众可以在门户的目录中查到", published);
        var history = published[published.IndexOf("办理记录", StringComparison.Ordinal)..];
        string[] steps = ["拟稿", "修改", "送审", "退回", "修改", "送审", "同意", "同意", "同意", "同意", "发布"];
        Assert.Equal(steps, System.Text.RegularExpressions.Regex.Matches(history, "<td>(拟稿|送审|退回|修改|同意|发布)</td>").Select(m => m.Groups[1].Value));
        Assert.Contains("<td>保密审查（保密审查员）</td>\n                    <td>baomi</td>\n                    <td>已审查，不涉密</td>", history);
        Assert.Contains("<td>添加附件“接种点名单.pdf”</td>", history);
        Assert.Contains("<td>修改了名称、内容概述、发布渠道</td>", history);
        var found = await visitor.GetTextAsync("/catalog?q=" + Uri.EscapeDataString("秋冬季流感"));
        Assert.Contains($"<a href=\"/catalog/{id}\">关于2026年秋冬季流感疫苗接种点的公告</a>", found);
        var item = await visitor.GetTextAsync($"/catalog/{id}");
        var fileLink = System.Text.RegularExpressions.Regex.Match(item, $"href=\"(/catalog/{id}/files/\\d+)\" download>接种点名单.pdf</a>");
        Assert.True(fileLink.Success, item);
        using var download = await visitor.GetAsync(fileLink.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("接种点名单.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var report = await officer.GetTextAsync($"/staff/reports?year={today.Year}");
        Assert.Contains($"{today.Year}年，本机关主动公开政府信息1条，包括：法规文件1条", report);
        Assert.Contains("通过政府网站发布信息1条", report);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Attachment_DraftOnly_BadFileRefusedByName_NothingSaved_RemovedFileGone(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var visitor = app.NewClient();
        var today = Today(app);

        using (var bad = await officer.PostMultipartAsync("/staff/catalog/new", "/staff/catalog/new",
            [("Input.Title", "带可执行附件的草稿"), ("Input.Summary", "概述"), ("Input.GeneratedOn", Iso(today)), ("Input.CategoryCode", "art20-01"), ("Input.Channels", "website")],
            ("Files", "名单.pdf", "MZ\u0090\u0000这不是PDF"u8.ToArray()), ("Files", "安装程序.exe", [0x4D, 0x5A])))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("附件“名单.pdf”的内容不是PDF文件", html);
            Assert.Contains("附件“安装程序.exe”的格式不能发布", html);
        }

        Assert.DoesNotContain("带可执行附件的草稿", await officer.GetTextAsync("/staff/catalog"));

        var page = await DraftAsync(officer, "区卫生健康局2026年部门预算", today, "art20-07", ("预算表.pdf", Pdf("预算")), ("说明.pdf", Pdf("说明")));
        var shown = await officer.GetTextAsync(page);
        var files = System.Text.RegularExpressions.Regex.Matches(shown, "href=\"(/staff/catalog/\\d+/files/(\\d+))\">([^<]+)</a>").ToList();
        Assert.Equal(["预算表.pdf", "说明.pdf"], files.Select(f => f.Groups[3].Value));
        using (var staffDownload = await officer.GetAsync(files[0].Groups[1].Value))
        {
            Assert.Equal(HttpStatusCode.OK, staffDownload.StatusCode);
        }

        var publicUrl = files[0].Groups[1].Value.Replace("/staff", "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(publicUrl)).StatusCode);

        using (var twice = await officer.PostMultipartAsync(page, page + "?handler=Upload", [await SeenAsync(officer, page)], ("Upload", "说明.pdf", Pdf("again"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        }

        Assert.Contains("已有名为“说明.pdf”的附件", await officer.GetTextAsync(page));
        var removed = await StepAsync(officer, page, "RemoveFile", ("fileId", files[1].Groups[2].Value));
        Assert.Contains("已删除附件", removed);
        Assert.DoesNotContain(">说明.pdf</a>", removed);
        Assert.Contains("删除附件“说明.pdf”", removed);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(files[1].Groups[1].Value)).StatusCode);

        var draftSeen = await SeenAsync(officer, page);
        await StepAsync(officer, page, "Submit");
        // Posted from the page still open on the draft: the item is in review now, and says so.
        using var inReview = await officer.PostMultipartAsync(page, page + "?handler=Upload", [draftSeen], ("Upload", "补充.pdf", Pdf("late")));
        Assert.Equal(HttpStatusCode.Redirect, inReview.StatusCode);
        Assert.Contains("审核中的信息不能添加附件", await officer.GetTextAsync(page));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WorkList_ShowsMyReviewsAndOverdueItemsInWords_SupervisorReadsOnly(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        var (officer, secrecy, leader) = await TeamAsync(app);
        using var supervisor = await Staff.SignedInAsync(app, "jiandu", StaffRoles.Supervisor);
        var today = Today(app);

        var late = await DraftAsync(officer, "三个月前形成的统计信息", today.AddMonths(-3), "art20-04");
        var fresh = await DraftAsync(officer, "今天形成的统计信息", today, "art20-04");
        await StepAsync(officer, fresh, "Submit");

        var mine = await secrecy.GetTextAsync("/staff/catalog");
        Assert.Contains("待我审核（1）", mine);
        Assert.Contains("今天形成的统计信息</a>（", mine);
        Assert.DoesNotContain("待我审核", await leader.GetTextAsync("/staff/catalog"));
        var overdue = await officer.GetTextAsync("/staff/catalog?overdue=true");
        Assert.Contains("有 1 条信息超过第二十六条规定的期限", overdue);
        Assert.Contains("三个月前形成的统计信息", overdue);
        Assert.DoesNotContain("今天形成的统计信息</a></td>", overdue);
        Assert.Contains("已逾期未发布（第二十六条）", await officer.GetTextAsync(late));
        Assert.Contains("待我审核 1 条", await secrecy.GetTextAsync("/staff"));
        Assert.Contains("⚠ 逾期未发布 1 条", await officer.GetTextAsync("/staff"));
        Assert.DoesNotContain("待我审核", await officer.GetTextAsync("/staff"));

        var read = await supervisor.GetTextAsync(fresh);
        Assert.DoesNotContain("handler=", read);
        Assert.DoesNotContain("拟稿</a>", await supervisor.GetTextAsync("/staff/catalog"));
        using var submit = await supervisor.PostFormAsync(late, late + "?handler=Submit");
        AssertDenied(submit);
        AssertDenied(await supervisor.GetAsync("/staff/catalog/new"));
        AssertDenied(await supervisor.GetAsync("/staff/admin/disclosure"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Decision_OnAPageShownBeforeTheItemChanged_IsNotTaken_SupervisorWithADutyCannotDecide(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        var watcher = await Staff.CreateAsync(app, "jiandu", StaffRoles.Supervisor);
        // The settings page does not offer the supervisor a duty (posting one is ignored); one given before the role
        // changed, or directly in the database, still does not let them decide.
        await AssignDutiesAsync(app, (watcher.Id, "保密审查员"));
        using (var scope = app.Services.CreateScope())
        {
            var duties = scope.ServiceProvider.GetRequiredService<Gongkai.Application.Staff.ReviewDutyStore>();
            var root = await Staff.RootIdAsync(app);
            Assert.Empty(await duties.HeldAsync(watcher.Id, root));
            await duties.ReplaceAsync(watcher.Id, [root], [(root, "保密审查员")]);
        }

        var (officer, secrecy, _) = await TeamAsync(app);
        using var supervisor = app.NewClient();
        await supervisor.SignInOkAsync("jiandu", Staff.Password);
        var page = await DraftAsync(officer, "征求意见稿：示范区基层医疗机构设置规划", Today(app), "art20-03");
        await StepAsync(officer, page, "Submit");
        var seen = System.Text.RegularExpressions.Regex.Match(await secrecy.GetHtmlAsync(page), "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        // Meanwhile the reviewer returns it in another window, the officer changes it and submits it again.
        await StepAsync(secrecy, page, "Refuse", ("Reason", "规划图含未公开的地块信息"), ("Version", seen));
        await StepAsync(officer, page, "Submit");
        var stale = await StepAsync(secrecy, page, "Approve", ("Version", seen));

        Assert.Contains("本次操作未执行", stale);
        Assert.Contains("待“保密审查”（保密审查员）", stale);
        Assert.DoesNotContain("<td>同意</td>", stale);
        Assert.DoesNotContain("jiandu", await (await AdminAsync(app)).GetTextAsync("/staff/admin/disclosure"));
        AssertDenied(await supervisor.PostFormAsync(page, page + "?handler=Approve"));
    }

    [Fact]
    public async Task Draft_GeneratedInTheFuture_Refused_StaffFilesAreNotCached()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, Cases.CaseFlow.NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        using var future = await officer.PostMultipartAsync("/staff/catalog/new", "/staff/catalog/new",
            [("Input.Title", "明年的信息"), ("Input.Summary", "概述"), ("Input.GeneratedOn", Iso(Today(app).AddDays(3))), ("Input.CategoryCode", "art20-01"), ("Input.Channels", "website")]);
        var page = await DraftAsync(officer, "有附件的草稿", Today(app), files: ("名单.pdf", Pdf("x")));
        var link = System.Text.RegularExpressions.Regex.Match(await officer.GetTextAsync(page), "href=\"(/staff/catalog/\\d+/files/\\d+)\"").Groups[1].Value;
        using var download = await officer.GetAsync(link);

        Assert.Contains($"生成日期：{Iso(Today(app).AddDays(3))} 晚于今天", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()));
        Assert.True(download.Headers.CacheControl is { NoStore: true, Private: true }, download.Headers.CacheControl?.ToString());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Liaison_WorksOnItsOwnDrafts_NotAnotherDepartments_OfficeWorksOnAll()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, Cases.CaseFlow.NoDemoCases);
        using var yizheng = await Staff.SignedInAsync(app, "yizheng", StaffRoles.DepartmentLiaison);
        using var jikong = await Staff.SignedInAsync(app, "jikong", StaffRoles.DepartmentLiaison);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        var page = await DraftAsync(yizheng, "医疗机构执业登记办事指南（修订）", Today(app), "art20-05");
        var other = await jikong.GetTextAsync(page);

        Assert.Contains("<td>拟稿</td>", other);
        Assert.Contains("<td>yizheng</td>", other);
        Assert.DoesNotContain("handler=Submit", other);
        AssertDenied(await jikong.PostFormAsync(page, page + "?handler=Submit"));
        AssertDenied(await jikong.GetAsync(page + "/edit"));
        Assert.Contains("handler=Submit", await yizheng.GetHtmlAsync(page));
        Assert.Contains("已送审", await StepAsync(officer, page, "Submit"));
    }

    [Fact]
    public async Task Draft_MissingFields_ChineseMessagesNameTheField_NothingSaved()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, Cases.CaseFlow.NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        using var response = await officer.PostMultipartAsync("/staff/catalog/new", "/staff/catalog/new",
            [("Input.Title", ""), ("Input.Summary", ""), ("Input.GeneratedOn", ""), ("Input.CategoryCode", "")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("名称：必填（第十二条）", html);
        Assert.Contains("内容概述：必填（第十二条）", html);
        Assert.Contains("生成日期：必填", html);
        Assert.Contains("主题分类：请选择", html);
        Assert.Contains("发布渠道：请至少选择一个（第二十三条）", html);
        Assert.Contains("共 0 条", await officer.GetTextAsync("/staff/catalog"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Settings_ChainChanged_NewSubmissionsFollowIt_ItemsInReviewKeepTheirs_BadChainRefused(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        var (officer, secrecy, _) = await TeamAsync(app);
        var inReview = await DraftAsync(officer, "按原流程审核的信息", Today(app));
        await StepAsync(officer, inReview, "Submit");
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);

        using (var bad = await admin.PostFormAsync("/staff/admin/disclosure", "/staff/admin/disclosure?handler=Settings",
            ("IndexPattern", "{机构代码}-{YYYY}"), ("Steps[0].Name", "保密审查"), ("Steps[0].Role", "保密审查员"), ("Steps[1].Name", "保密审查"), ("Steps[1].Role", "办公室主任"), await SeenAsync(admin, "/staff/admin/disclosure", "SettingsVersion")))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("索引号格式：", html);
            Assert.Contains("第2步：审核步骤“保密审查”重复", html);
        }

        using (var good = await admin.PostFormAsync("/staff/admin/disclosure", "/staff/admin/disclosure?handler=Settings",
            ("IndexPattern", "{机构代码}-GK/{YYYY}-{NNNN}"), ("Steps[0].Name", "保密审查"), ("Steps[0].Role", "保密审查员"), ("Steps[1].Name", "办公室主任签发"), ("Steps[1].Role", "办公室主任"), await SeenAsync(admin, "/staff/admin/disclosure", "SettingsVersion")))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }

        var settings = await admin.GetTextAsync("/staff/admin/disclosure");
        Assert.Contains("<th scope=\"col\">办公室主任</th>", settings);
        Assert.Contains("name=\"Steps[1].Name\" value=\"办公室主任签发\"", settings);
        Assert.Contains("<option value=\"办公室主任\" selected=\"selected\">办公室主任</option>", settings);
        Assert.DoesNotContain("Steps[2].Name", settings);
        var fresh = await DraftAsync(officer, "按新流程审核的信息", Today(app));
        Assert.Contains("-GK/" + Today(app).Year + "-0001", await officer.GetTextAsync(fresh));
        await StepAsync(officer, fresh, "Submit");
        var next = await StepAsync(secrecy, fresh, "Approve");
        Assert.Contains("下一步：办公室主任签发（办公室主任）", next);
        Assert.Contains("下一步：科室负责人审核（科室负责人）", await StepAsync(secrecy, inReview, "Approve"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Settings_ChainEditedAsSteps_AddReorderRemove_RefusedWithoutSecrecyReview_SavedAndShownAgain(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        const string Page = "/staff/admin/disclosure";
        const string Action = "/staff/admin/disclosure?handler=Settings";
        var seen = await SeenAsync(admin, Page, "SettingsVersion");
        var shown = await admin.GetTextAsync(Page);
        Assert.Contains("<option value=\"保密审查员\" selected=\"selected\">保密审查员</option>", shown);
        Assert.DoesNotContain("步骤名称:审核岗位", shown);

        (string, string)[] Two(string firstName, string firstRole, string secondName, string secondRole, string act) =>
            [("IndexPattern", "{机构代码}/{YYYY}-{NNNNN}"), ("Steps[0].Name", firstName), ("Steps[0].Role", firstRole),
                ("Steps[1].Name", secondName), ("Steps[1].Role", secondRole), ("Act", act), seen];

        // 增加一个步骤: a third, empty row; nothing saved yet.
        using (var added = await admin.PostFormAsync(Page, Action, Two("保密审查", "保密审查员", "分管领导审核", "分管领导", "add")))
        {
            var html = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.Contains("name=\"Steps[2].Name\" maxlength", html);
            Assert.Contains("第3步 步骤名称", html);
        }

        // 上移 the second step: it becomes the first.
        using (var moved = await admin.PostFormAsync(Page, Action, Two("保密审查", "保密审查员", "分管领导审核", "分管领导", "up:1")))
        {
            var html = WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync());
            Assert.Contains("name=\"Steps[0].Name\" value=\"分管领导审核\"", html);
            Assert.Contains("name=\"Steps[1].Name\" value=\"保密审查\"", html);
        }

        // 删除 the 保密审查 step, then 保存: refused beside the steps (Art. 17).
        using (var removed = await admin.PostFormAsync(Page, Action, Two("分管领导审核", "分管领导", "保密审查", "保密审查员", "remove:1")))
        {
            var html = WebUtility.HtmlDecode(await removed.Content.ReadAsStringAsync());
            Assert.DoesNotContain("name=\"Steps[1].Name\"", html);
        }

        using (var refused = await admin.PostFormAsync(Page, Action,
            ("IndexPattern", "{机构代码}/{YYYY}-{NNNNN}"), ("Steps[0].Name", "分管领导审核"), ("Steps[0].Role", "分管领导"), ("Act", "save"), seen))
        {
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var beside = html.IndexOf("id=\"chain-errors\"", StringComparison.Ordinal);
            Assert.True(beside > html.IndexOf("发布前审核流程", StringComparison.Ordinal), "the message is beside the steps");
            Assert.Contains("审核流程中应有保密审查步骤（第十七条：公开前须依法依规进行保密审查），请保留一个名称含“保密”的步骤", html[beside..]);
        }

        // A role outside the list is refused too.
        using (var unknown = await admin.PostFormAsync(Page, Action, Two("保密审查", "保密审查员", "局长签发", "局长", "save")))
        {
            Assert.Contains("步骤“局长签发”的审核岗位“局长”不在可选岗位中，请从列表中选择", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        }

        using (var saved = await admin.PostFormAsync(Page, Action, Two("分管领导审核", "分管领导", "保密审查", "保密审查员", "save")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var reloaded = await admin.GetTextAsync(Page);
        Assert.True(reloaded.IndexOf("value=\"分管领导审核\"", StringComparison.Ordinal) < reloaded.IndexOf("value=\"保密审查\"", StringComparison.Ordinal));
        Assert.DoesNotContain("Steps[2].Name", reloaded);

        // The page opened before that save is stale: refused.
        using var stale = await admin.PostFormAsync(Page, Action, Two("保密审查", "保密审查员", "分管领导审核", "分管领导", "save"));
        Assert.Contains("目录与审核设置在您打开页面后已被admin于", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
    }
}
