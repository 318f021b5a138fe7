using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>
/// 承办人 (issue #13, item 5): assigning a case to a person of its agency from the case page and in bulk from the work
/// list, the refusal of anyone else, the history, the 承办人 column, filter, 只看我的 and export.
/// </summary>
public partial class AssignmentTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    /// <summary>An account with a display name (and e-mail) and roles in the agency.</summary>
    internal static async Task<StaffUser> PersonAsync(GongkaiApp app, string userName, string displayName, string? email, int agencyId, params string[] roles)
    {
        var user = await Staff.CreateInAsync(app, userName, agencyId, roles);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.DisplayName = displayName;
        stored.Email = email;
        Assert.True((await users.UpdateAsync(stored)).Succeeded);
        return stored;
    }

    /// <summary>
    /// The people of both tests: officer1 (公开办, signed in) and 王芳 (a liaison) of the root agency, and 李四, an officer
    /// of another agency (示范县教育局).
    /// </summary>
    private static async Task<(StaffClient Officer, int Root, StaffUser Wang, StaffUser Outsider)> PeopleAsync(GongkaiApp app)
    {
        var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var root = await Staff.RootIdAsync(app);
        var wang = await PersonAsync(app, "wangfang", "王芳", "wangfang@example.gov.cn", root, StaffRoles.DepartmentLiaison);
        var other = await app.AddAgencyAsync("jyj", "示范县教育局");
        var outsider = await PersonAsync(app, "lisi", "李四", null, other.Id, StaffRoles.DisclosureOfficer);
        return (officer, root, wang, outsider);
    }

    internal static async Task<StaffClient> SignInAsync(GongkaiApp app, string userName)
    {
        var client = app.NewClient();
        await client.SignInOkAsync(userName, Staff.Password);
        return client;
    }

    /// <summary>The work list's row of the applicant (its cells' text).</summary>
    internal static string Row(string html, string name) =>
        Regex.Match(html, "<tr[^>]*>(?:(?!</tr>).)*" + name + "(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;

    /// <summary>The "id:version" value of the applicant's checkbox in the work list.</summary>
    private static string Ticked(string html, string name) =>
        Regex.Match(Row(html, name), "name=\"ids\" value=\"(\\d+:\\d+)\"").Groups[1].Value;

    private static async Task<string> AssignOnCaseAsync(StaffClient officer, string casePage, string handlerId, int version)
    {
        using var response = await officer.PostFormAsync(casePage, casePage + "/handler", ("HandlerId", handlerId), ("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(casePage + "#handler-section", response.Headers.Location?.OriginalString);
        return await officer.GetTextAsync(casePage);
    }

    private static string HandlerShown(string page) => Regex.Match(page, "<span id=\"handler-name\">([^<]*)</span>").Groups[1].Value;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Assign_OnCasePage_InHistory_OutsiderAndLeaderRefused_StaleVersionRefused(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var people = await PeopleAsync(app);
        using var officer = people.Officer;
        var (root, wang, outsider) = (people.Root, people.Wang, people.Outsider);
        var leader = await PersonAsync(app, "zhaoliu", "赵六", null, root, StaffRoles.ApprovingLeader);
        var casePage = await RegisterAsync(officer, "申请人甲", arrived: Today(app));

        var before = await officer.GetTextAsync(casePage);
        Assert.Equal("尚未指定", HandlerShown(before));
        Assert.Contains("<option value=\"" + wang.Id + "\"", await officer.GetHtmlAsync(casePage));

        var assigned = await AssignOnCaseAsync(officer, casePage, wang.Id, 1);
        Assert.Contains("已指定承办人：王芳。", assigned);
        Assert.Equal("王芳", HandlerShown(assigned));
        Assert.Matches(new Regex("指定承办人（王芳）(?:(?!</tr>).)*</td>\\s*<td>officer1</td>", RegexOptions.Singleline), assigned);

        var refused = await AssignOnCaseAsync(officer, casePage, outsider.Id, 2);
        Assert.Contains("承办人：李四不在示范县卫生健康局工作，不能承办本机关的案件", refused);
        Assert.Equal("王芳", HandlerShown(refused));

        refused = await AssignOnCaseAsync(officer, casePage, leader.Id, 2);
        Assert.Contains("承办人：赵六在示范县卫生健康局只担任审核领导或监督，不办理案件", refused);

        // Decided on the page as it was before the assignment: refused, naming what was recorded since.
        var stale = await AssignOnCaseAsync(officer, casePage, string.Empty, 1);
        Assert.Contains("未记录：该申请已被officer1于", stale);
        Assert.Contains("办理：指定承办人（王芳）", stale);

        var taken = await AssignOnCaseAsync(officer, casePage, string.Empty, 2);
        Assert.Contains("已取消承办人。", taken);
        Assert.Equal("尚未指定", HandlerShown(taken));
        Assert.Contains("取消承办人", taken);
        Assert.Equal(3, HistoryCount(await officer.GetHtmlAsync(casePage)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WorkList_BulkAssign_ColumnFilterOnlyMineAndExport_StaleBatchAssignsNothing(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var people = await PeopleAsync(app);
        using var officer = people.Officer;
        var (wang, outsider) = (people.Wang, people.Outsider);
        var pageA = await RegisterAsync(officer, "申请人甲", arrived: Today(app));
        await RegisterAsync(officer, "申请人乙", arrived: Today(app));
        var pageC = await RegisterAsync(officer, "申请人丙", arrived: Today(app));

        var list = await officer.GetHtmlAsync("/staff/cases");
        var (a, b, c) = (Ticked(list, "申请人甲"), Ticked(list, "申请人乙"), Ticked(list, "申请人丙"));
        Assert.All(new[] { a, b, c }, v => Assert.Matches("^\\d+:1$", v));

        using (var outside = await officer.PostFormAsync("/staff/cases", "/staff/cases?handler=Assign", ("ids", a), ("assignTo", outsider.Id), ("back", "?status=open")))
        {
            Assert.Equal("/staff/cases?status=open", outside.Headers.Location?.OriginalString);
        }

        var afterRefusal = await officer.GetTextAsync("/staff/cases?status=open");
        Assert.Contains("承办人：李四不在示范县卫生健康局工作", afterRefusal);
        Assert.Contains("<td class=\"handler\">—</td>", Row(afterRefusal, "申请人甲"));

        using (var ok = await officer.PostFormAsync("/staff/cases", "/staff/cases?handler=Assign", ("ids", a), ("ids", b), ("assignTo", wang.Id), ("back", string.Empty)))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var shown = await officer.GetTextAsync("/staff/cases");
        Assert.Contains("已将2件分配给王芳。", shown);
        Assert.Contains("<td class=\"handler\">王芳</td>", Row(shown, "申请人甲"));
        Assert.Contains("<td class=\"handler\">王芳</td>", Row(shown, "申请人乙"));
        Assert.Contains("<td class=\"handler\">—</td>", Row(shown, "申请人丙"));

        // A batch with a case changed since the list was shown (甲 at version 1) assigns nothing, 丙 included.
        var unassigned = new[] { ("ids", a), ("ids", c), ("assignTo", string.Empty), ("back", string.Empty) };
        using (var stale = await officer.PostFormAsync("/staff/cases", "/staff/cases?handler=Assign", unassigned))
        {
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        }

        var afterStale = await officer.GetTextAsync("/staff/cases");
        Assert.Matches("未分配任何案件：\\d{4}-\\d{5}：该申请已被officer1于", afterStale);
        Assert.Contains("<td class=\"handler\">王芳</td>", Row(afterStale, "申请人甲"));

        // The filter and 只看我的.
        var byWang = await officer.GetTextAsync("/staff/cases?assignee=" + wang.Id);
        Assert.Contains("共 2 件", byWang);
        Assert.DoesNotContain("申请人丙", byWang);
        var none = await officer.GetTextAsync("/staff/cases?assignee=none");
        Assert.Contains("共 1 件", none);
        Assert.Contains("申请人丙", none);
        Assert.Contains("href=\"/staff/cases?assignee=me\"", await officer.GetHtmlAsync("/staff/cases"));
        Assert.Contains("共 0 件", await officer.GetTextAsync("/staff/cases?assignee=me"));

        using var liaison = await SignInAsync(app, "wangfang");
        var mine = await liaison.GetTextAsync("/staff/cases?assignee=me");
        Assert.Contains("共 2 件", mine);
        Assert.Contains("申请人甲", mine);
        Assert.DoesNotContain("申请人丙", mine);
        // A liaison without a department sees the cases assigned to them, not the others.
        var liaisonList = await liaison.GetTextAsync("/staff/cases");
        Assert.Contains("申请人乙", liaisonList);
        Assert.DoesNotContain("申请人丙", liaisonList);
        Assert.Contains("申请人甲", await liaison.GetTextAsync(pageA));
        using var notTheirs = await liaison.GetAsync(pageC);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);

        var csv = (await (await officer.GetAsync("/staff/cases?assignee=" + wang.Id + "&handler=Csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",承办科室,承办人", csv[0]);
        Assert.Equal(2, csv.Length - 1);
        Assert.All(csv[1..], line => Assert.EndsWith(",王芳", line));
    }
}
