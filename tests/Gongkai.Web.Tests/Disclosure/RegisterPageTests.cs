using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Disclosure;

public partial class RegisterPageTests
{
    private const string Page = "/staff/disclosure/documents";

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Officer_AddsAndRepealsDocument_CountsShownChange(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        await AddAsync(officer, "示范区医疗机构校验管理办法", "2025-03-01", "2025-03-05", number: "示卫规〔2025〕1号");
        await AddAsync(officer, "示范区诊所备案办法", "2020-05-01", "2020-05-10");
        var before = await officer.GetTextAsync(Page + "?year=2025");
        var id = DocumentId(before, "示范区医疗机构校验管理办法");
        using (var repeal = await officer.PostFormAsync($"{Page}/{id}", $"{Page}/{id}?handler=Repeal", ("RepealOn", "2025-06-30")))
        {
            Assert.Equal(HttpStatusCode.Redirect, repeal.StatusCode);
        }

        var detail = await officer.GetTextAsync($"{Page}/{id}");
        var after = await officer.GetTextAsync(Page + "?year=2025");
        var format2019 = await officer.GetTextAsync(Page + "?year=2020");

        Assert.Contains("示卫规〔2025〕1号", before);
        Assert.Equal(("1", "0", "2"), (Cell(before, "issued"), Cell(before, "repealed"), Cell(before, "inForce"))); // the 2020 one is in force too
        Assert.Contains("已记录废止（2025-06-30）", detail);
        Assert.DoesNotContain("记录废止</button>", detail); // repealed once, the form is gone
        Assert.Equal(("1", "1", "1"), (Cell(after, "issued"), Cell(after, "repealed"), Cell(after, "inForce")));
        Assert.Contains("<td class=\"nowrap\">2025-06-30</td>", after);
        Assert.Contains("已废止", after);
        Assert.Contains("本年新制作数量", format2019);
        Assert.DoesNotContain("示范区医疗机构校验管理办法", format2019); // the year filter: nothing of it happened in 2020
        Assert.Equal(("1", "1", "1"), (Cell(format2019, "newlyMade"), Cell(format2019, "newlyPublished"), Cell(format2019, "totalPublished")));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Add_BadDates_ChineseMessageNamesTheField_NothingStored(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        var invalid = await PostAddAsync(officer, "示范区医疗机构校验管理办法", "2025-02-30", "");
        var order = await PostAddAsync(officer, "示范区医疗机构校验管理办法", "2025-03-01", "2025-02-01");
        var list = await officer.GetTextAsync(Page);

        Assert.Contains("制发日期：“2025-02-30”不是有效日期", invalid);
        Assert.Contains("value=\"示范区医疗机构校验管理办法\"", invalid); // what was typed stays in the form
        Assert.Contains("公开日期早于制发日期", order);
        Assert.Contains("共 0 件", list);
        Assert.DoesNotContain("<a href=\"/staff/disclosure/documents/", list);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Update_CorrectsTheEntry_BadDateRefusedAndKept(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        await AddAsync(officer, "示范区医疗机构校验管理办法", "2025-03-01", "2025-03-05");
        var id = DocumentId(await officer.GetTextAsync(Page), "示范区医疗机构校验管理办法");

        using var bad = await officer.PostFormAsync($"{Page}/{id}", $"{Page}/{id}?handler=Update", Fields("规章", "示范区医疗机构校验规定", "2025-03-01", "2025-03-05", repealed: "2025-01-01"));
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        using var good = await officer.PostFormAsync($"{Page}/{id}", $"{Page}/{id}?handler=Update", Fields("规章", "示范区医疗机构校验规定", "2025-03-02", "2025-03-06", "区政府令第3号"));
        var list = await officer.GetTextAsync(Page + "?year=2025");

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("废止日期早于制发日期", badHtml);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("<td>规章</td>", list);
        Assert.Contains("示范区医疗机构校验规定", list);
        Assert.Contains("区政府令第3号", list);
        Assert.Equal(("0", "1"), (Cell(list, "issued", "normativeDocuments"), Cell(list, "issued", "regulations")));
    }

    [Fact]
    public async Task Remove_MistakenEntry_GoneFromTheRegister()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        await AddAsync(officer, "重复登记的办法", "2025-03-01", "");
        var id = DocumentId(await officer.GetTextAsync(Page), "重复登记的办法");

        using var removed = await officer.PostFormAsync($"{Page}/{id}", $"{Page}/{id}?handler=Remove");
        var list = await officer.GetTextAsync(Page + "?year=2025");
        using var gone = await officer.GetAsync($"{Page}/{id}");

        Assert.Equal(Page, removed.Headers.Location?.OriginalString);
        Assert.Contains("已删除误登记的记录：重复登记的办法", list);
        Assert.Equal("0", Cell(list, "issued"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Supervisor_SeesNoForm_PostsRefusedWith403_NothingChanged(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var supervisor = await Staff.SignedInAsync(app, "super1", StaffRoles.Supervisor);
        await AddAsync(officer, "示范区医疗机构校验管理办法", "2025-03-01", "2025-03-05");
        var id = DocumentId(await officer.GetTextAsync(Page), "示范区医疗机构校验管理办法");

        var list = await supervisor.GetTextAsync(Page + "?year=2025");
        var detail = await supervisor.GetTextAsync($"{Page}/{id}");
        var figures = await supervisor.GetTextAsync("/staff/disclosure/article20?year=2025");
        using var add = await supervisor.PostFormAsync(Page, Page, Fields("规范性文件", "另一办法", "2025-04-01", ""));
        using var repeal = await supervisor.PostFormAsync($"{Page}/{id}", $"{Page}/{id}?handler=Repeal", ("RepealOn", "2025-06-30"));
        using var remove = await supervisor.PostFormAsync($"{Page}/{id}", $"{Page}/{id}?handler=Remove");
        using var save = await supervisor.PostFormAsync("/staff/disclosure/article20?year=2025", "/staff/disclosure/article20?handler=Save&year=2025",
            ("f.administrativeLicensing.decisions", "5"));
        var after = await officer.GetTextAsync(Page + "?year=2025");

        Assert.Contains("示范区医疗机构校验管理办法", list); // reads the register and the counts
        Assert.Equal("1", Cell(list, "inForce"));
        Assert.DoesNotContain("name=\"Input.Title\"", list);
        Assert.DoesNotContain("handler=", detail);
        Assert.DoesNotContain("name=\"RepealOn\"", detail);
        Assert.DoesNotContain("name=\"f.", figures);
        Assert.DoesNotContain("name=\"upload\"", figures);
        foreach (var response in new[] { add, repeal, remove, save })
        {
            Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery);
            using var denied = await supervisor.GetAsync(response.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        Assert.DoesNotContain("另一办法", after);
        Assert.Equal(("1", "0"), (Cell(after, "issued"), Cell(after, "repealed")));
        Assert.Contains("name=\"f.administrativeLicensing.decisions\" value=\"\"", await officer.GetTextAsync("/staff/disclosure/article20?year=2025"));
    }

    internal static (string, string)[] Fields(string kind, string title, string issued, string published, string number = "", string repealed = "") =>
    [
        ("Input.Kind", kind), ("Input.Title", title), ("Input.DocumentNumber", number), ("Input.IssuedOn", issued),
        ("Input.PublishedOn", published), ("Input.RepealedOn", repealed),
    ];

    private static async Task AddAsync(StaffClient client, string title, string issued, string published, string number = "")
    {
        using var response = await client.PostFormAsync(Page, Page, Fields("规范性文件", title, issued, published, number));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<string> PostAddAsync(StaffClient client, string title, string issued, string published)
    {
        using var response = await client.PostFormAsync(Page, Page, Fields("规范性文件", title, issued, published));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string DocumentId(string html, string title) =>
        Regex.Match(html, $"<a href=\"/staff/disclosure/documents/(\\d+)\">{Regex.Escape(title)}</a>") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"{title} not listed");

    /// <summary>A count of section 二's first block as the page shows it.</summary>
    private static string Cell(string html, string column, string row = "normativeDocuments") =>
        Regex.Match(html, $"data-cell=\"{row}\\.{column}\">([^<]*)<") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no cell {row}.{column}");
}
