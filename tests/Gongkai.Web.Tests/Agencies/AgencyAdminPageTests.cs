using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>/staff/admin/agencies: the administrator's tree of agencies, on both databases.</summary>
public partial class AgencyAdminPageTests
{
    private const string Page = "/staff/admin/agencies";

    public static TheoryProviders Providers => TestDatabase.Providers;

    private static readonly Dictionary<string, string?> NoDemoRecords = new() { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Administrator_AddsRenamesMovesArchives_TheTreeShowsIt(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoRecords);
        using var admin = app.NewClient();
        await admin.SignInOkAsync(StartupTasks.AdministratorUserName, GongkaiApp.AdminPassword);

        Assert.Contains("<a href=\"/staff/admin/agencies\"", await admin.GetHtmlAsync("/staff"));
        await OkAsync(admin, "Add", ("Add.Name", "测试县人民政府"), ("Add.Code", "csx"), ("Add.Kind", "government"), ("Add.Parent", ""), ("Add.Uscc", "11330000002482034Y"));
        await OkAsync(admin, "Add", ("Add.Name", "测试县教育局"), ("Add.Code", "csjy"), ("Add.Kind", "department"), ("Add.Parent", "csx"), ("Add.Uscc", ""));
        await OkAsync(admin, "Add", ("Add.Name", "测试县实验学校"), ("Add.Code", "syxx"), ("Add.Kind", "other"), ("Add.Parent", "csjy"), ("Add.Uscc", ""));
        var (jyj, version) = await IdAsync(app, "csjy");
        await OkAsync(admin, "Edit", ("Edit.Id", jyj), ("Edit.Version", version), ("Edit.Name", "测试县教育和体育局"), ("Edit.Kind", "department"), ("Edit.Uscc", ""));
        var (school, schoolVersion) = await IdAsync(app, "syxx");
        await OkAsync(admin, "Move", ("Move.Id", school), ("Move.Version", schoolVersion), ("Move.Parent", "csx"));
        (school, schoolVersion) = await IdAsync(app, "syxx");
        var archived = await OkAsync(admin, "Archive", ("id", school), ("version", schoolVersion), ("restore", "false"));

        Assert.Contains("已归档机关“测试县实验学校”", archived, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await admin.GetHtmlAsync(Page));
        var rows = Rows().Matches(page).Select(m => $"{m.Groups["pad"].Value}|{m.Groups["name"].Value}|{m.Groups["code"].Value}|{m.Groups["kind"].Value}|{m.Groups["state"].Value}").ToList();
        var csx = rows.FindIndex(r => r.Contains("|csx|", StringComparison.Ordinal));
        Assert.Equal(
            ["0.5|测试县人民政府|csx|人民政府|正常", "2|测试县教育和体育局|csjy|政府部门|正常", "2|测试县实验学校|syxx|其他|已归档"],
            rows.Skip(csx).Take(3));
        Assert.Contains("11330000002482034Y", page, StringComparison.Ordinal);
        await using var db = app.Database.Open();
        Assert.Equal("测试县人民政府办公室", (await db.AgencyGuides.SingleAsync(g => g.AgencyId == db.Agencies.Single(a => a.Code == "csx").Id)).OfficeName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadInput_TheMessageStandsBesideTheField_AndNothingChanges(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoRecords);
        using var admin = app.NewClient();
        await admin.SignInOkAsync(StartupTasks.AdministratorUserName, GongkaiApp.AdminPassword);
        await OkAsync(admin, "Add", ("Add.Name", "测试县人民政府"), ("Add.Code", "csx"), ("Add.Kind", "government"), ("Add.Parent", ""), ("Add.Uscc", ""));
        await OkAsync(admin, "Add", ("Add.Name", "测试县教育局"), ("Add.Code", "csjy"), ("Add.Kind", "department"), ("Add.Parent", "csx"), ("Add.Uscc", ""));
        var (csx, version) = await IdAsync(app, "csx");

        var badCode = await RefusedAsync(admin, "Add", ("Add.Name", "测试县公安局"), ("Add.Code", "GA J"), ("Add.Kind", "department"), ("Add.Parent", "csx"), ("Add.Uscc", ""));
        var badUscc = await RefusedAsync(admin, "Add", ("Add.Name", "测试县公安局"), ("Add.Code", "csga"), ("Add.Kind", "department"), ("Add.Parent", "csx"), ("Add.Uscc", "11330000002482034X"));
        var sameName = await RefusedAsync(admin, "Add", ("Add.Name", "测试县教育局"), ("Add.Code", "csga"), ("Add.Kind", "department"), ("Add.Parent", "csx"), ("Add.Uscc", ""));
        var underChild = await RefusedAsync(admin, "Move", ("Move.Id", csx), ("Move.Version", version), ("Move.Parent", "csjy"));
        var withChild = await RefusedAsync(admin, "Remove", ("id", csx), ("version", version));

        Assert.Matches(Beside("Add.Code", "机关代码“GA J”：只能使用小写字母、数字和连字符（“G”不可用）"), badCode);
        Assert.Matches(Beside("Add.Uscc", "统一社会信用代码：统一社会信用代码的校验位不符"), badUscc);
        Assert.Matches(Beside("Add.Name", "机关名称：已有名为“测试县教育局”的机关"), sameName);
        Assert.Matches(Beside("Move.Parent", "上级机关：“测试县教育局”是“测试县人民政府”的下级机关，不能把机关移到它自己的下级之下"), underChild);
        Assert.Contains("机关“测试县人民政府”已有1个下级机关，不能删除，请改为归档", withChild, StringComparison.Ordinal);

        // The move picker offers neither the agency itself nor anything below it.
        var picker = WebUtility.HtmlDecode(await admin.GetHtmlAsync($"{Page}?edit={csx}"));
        var options = Regex.Match(picker, "<select[^>]*name=\"Move.Parent\".*?</select>", RegexOptions.Singleline).Value;
        Assert.Contains("（顶层，不设上级机关）", options, StringComparison.Ordinal);
        Assert.DoesNotContain("(csx)", options.Replace('（', '(').Replace('）', ')'), StringComparison.Ordinal);
        Assert.DoesNotContain("(csjy)", options.Replace('（', '(').Replace('）', ')'), StringComparison.Ordinal);
        await using var db = app.Database.Open();
        var root = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "csx");
        Assert.Equal((null, 1), (root.ParentId, root.Version));
        Assert.False(await db.Agencies.AnyAsync(a => a.Code == "csga"));
        Assert.Equal(root.Id, (await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "csjy")).ParentId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StaleForm_IsRefused_NamingWhoChangedWhat(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoRecords);
        using var admin = app.NewClient();
        await admin.SignInOkAsync(StartupTasks.AdministratorUserName, GongkaiApp.AdminPassword);
        using var other = await Staff.SignedInAsync(app, "lisi", StaffRoles.Administrator);
        await OkAsync(admin, "Add", ("Add.Name", "测试县教育局"), ("Add.Code", "csjy"), ("Add.Kind", "department"), ("Add.Parent", ""), ("Add.Uscc", ""));
        var (jyj, seen) = await IdAsync(app, "csjy");

        await OkAsync(other, "Edit", ("Edit.Id", jyj), ("Edit.Version", seen), ("Edit.Name", "测试县教育和体育局"), ("Edit.Kind", "department"), ("Edit.Uscc", ""));
        var stale = await RefusedAsync(admin, "Archive", ("id", jyj), ("version", seen), ("restore", "false"));

        Assert.Matches("未保存：机关“测试县教育和体育局”在您打开页面后已被lisi于\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d修改（名称由“测试县教育局”改为“测试县教育和体育局”），请刷新页面后重试", stale);
        await using var db = app.Database.Open();
        Assert.Null((await db.Agencies.SingleAsync(a => a.Code == "csjy")).ArchivedAt);
    }

    [Fact]
    public async Task ArchivedAgency_TakesNoNewApplications_ItsRecordsStay()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoRecords);
        using var admin = app.NewClient();
        using var applicant = app.NewClient();
        await admin.SignInOkAsync(StartupTasks.AdministratorUserName, GongkaiApp.AdminPassword);
        using (var before = await Cases.PortalApplicationTests.ApplyAsync(applicant, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var (wjj, version) = await IdAsync(app, DemoData.AgencyCode);
        await OkAsync(admin, "Archive", ("id", wjj), ("version", version), ("restore", "false"));
        using var after = await Cases.PortalApplicationTests.ApplyAsync(applicant, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], name: "钱某");

        Assert.Contains("示范县卫生健康局已归档，不再受理新的政府信息公开申请", WebUtility.HtmlDecode(await after.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = app.Database.Open();
        Assert.Equal(1, await db.OnlineApplications.CountAsync());
    }

    [Fact]
    public async Task NonAdministrator_IsSentToAccessDenied()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoRecords);
        using var officer = await Staff.SignedInAsync(app, "someone", StaffRoles.DisclosureOfficer);

        using var response = await officer.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery);
    }

    /// <summary>Posts a form of the page; expects the redirect of a success and returns the page it leads to.</summary>
    private static async Task<string> OkAsync(StaffClient client, string handler, params (string, string)[] fields)
    {
        using var response = await client.PostFormAsync(Page, $"{Page}?handler={handler}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {response.StatusCode} {Message(await response.Content.ReadAsStringAsync())}");
        return WebUtility.HtmlDecode(await client.GetHtmlAsync(Page));
    }

    /// <summary>Posts a form that must be refused: the page comes back (200) with the message.</summary>
    private static async Task<string> RefusedAsync(StaffClient client, string handler, params (string, string)[] fields)
    {
        using var response = await client.PostFormAsync(Page, $"{Page}?handler={handler}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Message(string html) => Regex.Match(WebUtility.HtmlDecode(html), "(class=\"field-error[^>]*>[^<]+|role=\"alert\">[^<]+)").Value;

    /// <summary>The message in the error span of the field (data-valmsg-for names it).</summary>
    private static string Beside(string field, string message) => $"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>{Regex.Escape(message)}";

    private static async Task<(string Id, string Version)> IdAsync(GongkaiApp app, string code)
    {
        await using var db = app.Database.Open();
        var a = await db.Agencies.AsNoTracking().SingleAsync(x => x.Code == code);
        return (a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<tr data-code=\"[^\"]*\">\\s*<th scope=\"row\" style=\"padding-left:(?<pad>[\\d.]+)em\">(?<name>[^<]+)</th>\\s*<td><code>(?<code>[^<]+)</code></td>\\s*<td>(?<kind>[^<]+)</td>\\s*<td>[^<]*</td>\\s*<td>(?<state>[^<]+)</td>")]
    private static partial Regex Rows();
}
