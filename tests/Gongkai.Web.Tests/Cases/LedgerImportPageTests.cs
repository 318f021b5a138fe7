using System.Net;
using System.Text;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

public class LedgerImportPageTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    private static async Task<string> UploadAsync(StaffClient client, string csv)
    {
        var token = StaffClient.Token(await client.GetHtmlAsync("/staff/cases/import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "ledger", "台账.csv" },
        };
        using var response = await client.Http.PostAsync("/staff/cases/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_BadRow_ListsErrorsAndImportsNothing_GoodFileImports(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        const string Header = "收到日期,申请人类型,申请人,办结日期,办理结果\n";

        var bad = await UploadAsync(officer, Header + "2025-03-03,自然人,张某,2025-03-20,予以公开\n2025-03-04,个人,李某,2025-03-21,予以公开\n");
        var listAfterBad = await officer.GetTextAsync("/staff/cases?status=all");
        var good = await UploadAsync(officer, Header + "2025-03-03,自然人,张某,2025-03-20,予以公开\n2025-03-04,自然人,李某,2025-03-21,重复申请\n");

        Assert.Contains("第3行 申请人类型：", bad);
        Assert.Contains("未导入任何案件", bad);
        Assert.DoesNotContain("张某", listAfterBad);
        Assert.Contains("已导入 2 件", good);
        Assert.Contains("张某", await officer.GetTextAsync("/staff/cases?status=all"));
    }

    [Fact]
    public async Task Import_NotOfficer_Refused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var supervisor = await Staff.SignedInAsync(app, "super1", StaffRoles.Supervisor);

        using var response = await supervisor.GetAsync("/staff/cases/import");

        Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task NoticeTemplates_AdministratorEdits_GeneratedNoticeUsesIt()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        using (var save = await admin.PostFormAsync("/staff/admin/notices", "/staff/admin/notices",
            ("kind", "art36-4"), ("title", "信息不存在告知书"), ("body", "{申请人}：经检索，编号{申请编号}所申请的信息不存在。")))
        {
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }

        var page = await RegisterAsync(officer, arrived: Today(app));
        await StepAsync(officer, page, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "NotHeld"));
        var html = await StepAsync(officer, page, "Notice", ("kind", "art36-4"));
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/staff/cases/\\d+/notices/\\d+)\"").Groups[1].Value;
        using var download = await officer.GetAsync(link);
        var text = CaseStepTests.DocxText(await download.Content.ReadAsByteArrayAsync());

        Assert.Contains("信息不存在告知书", text);
        Assert.Contains("王某：经检索，编号" + Today(app).Year + "-00001所申请的信息不存在。", text);
        using var officerEdits = await officer.GetAsync("/staff/admin/notices");
        Assert.StartsWith("/account/access-denied", officerEdits.Headers.Location?.PathAndQuery);
    }
}
