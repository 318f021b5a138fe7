using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>
/// The application hardening of issues #10/#11: online applications under load and retried, optimistic concurrency on
/// case steps and notice templates, bounds on every field, paged lists without identity proofs, notices for names with
/// characters XML cannot hold.
/// </summary>
public partial class CaseHardeningTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    public static TheoryProviders Providers => TestDatabase.Providers;

    private static ApplicationForm Form(string name = "赵某") => new()
    {
        ApplicantType = ApplicantType.NaturalPerson,
        ApplicantName = name,
        IdType = "居民身份证",
        IdNumber = "440106199001015674",
        Phone = "13900001111",
        Description = "本局2025年行政处罚决定书",
        Form = "电子数据",
        Delivery = "网上查询下载",
    };

    private static SubmitOnlineApplication Submitter(Gongkai.Data.GongkaiDbContext context, QueryCodes codes) => new(
        context, codes, TimeProvider.System, new IssueReceipt(context, new CaseCalendar(), TimeProvider.System),
        new Gongkai.Application.Mail.MailOutbox(context, TimeProvider.System),
        new Gongkai.Application.Mail.LogSmsGateway(Microsoft.Extensions.Logging.Abstractions.NullLogger<Gongkai.Application.Mail.LogSmsGateway>.Instance));

    private static async Task<int> AgencyAsync(TestDatabase db)
    {
        await using var context = db.Open();
        var agency = new AgencyRecord { Code = "A1", Name = "示范县卫生健康局", Kind = "department", CreatedAt = TimeProvider.System.GetUtcNow() };
        context.Agencies.Add(agency);
        await context.SaveChangesAsync();
        return agency.Id;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Submit_60AtOnce_AllAnsweredWithUniqueNumbers(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        var agency = await AgencyAsync(db);
        var codes = new QueryCodes(TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            await using var context = db.Open();
            return await Submitter(context, codes)
                .ExecuteAsync(new SubmitOnlineApplicationRequest(agency, Form("申请人" + i), Png, "image/png", QueryCodes.NewKey()));
        })));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var year = ChinaTime.Today(TimeProvider.System).Year;
        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"{year}-W{n:D5}"), results.Select(r => r.Value!.Number).Order(StringComparer.Ordinal));
        Assert.Equal(60, results.Select(r => r.Value!.Code).Distinct().Count());
        await using var check = db.Open();
        Assert.Equal(60, await check.OnlineApplications.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Submit_SameKeyTenTimesAtOnce_OneApplicationSameNumberAndCode(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        var agency = await AgencyAsync(db);
        var codes = new QueryCodes(TimeProvider.System);
        var key = QueryCodes.NewKey();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await using var context = db.Open();
            return await Submitter(context, codes)
                .ExecuteAsync(new SubmitOnlineApplicationRequest(agency, Form(), Png, "image/png", key));
        })));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Single(results.Select(r => (r.Value!.Number, r.Value.Code)).Distinct());
        Assert.Single(results, r => !r.Value!.Repeated);
        await using var check = db.Open();
        var stored = await check.OnlineApplications.SingleAsync();
        Assert.True(QueryCodes.Matches(results[0].Value!.Code, stored.QueryCodeHash));
        Assert.NotEqual(results[0].Value!.Code, stored.QueryCodeHash);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Apply_SameFormPostedTwice_SameNumberAndCodeShown(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var applicant = app.NewClient();
        var form = await applicant.GetHtmlAsync("/apply");
        var key = KeyField().Match(form).Groups[1].Value;
        Assert.True(QueryCodes.IsWellFormedKey(key), key);

        using var first = await ApplyAsync(applicant, key);
        using var retry = await ApplyAsync(applicant, key);
        var firstHtml = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        var retryHtml = WebUtility.HtmlDecode(await retry.Content.ReadAsStringAsync());

        Assert.Equal(NumberField().Match(firstHtml).Groups[1].Value, NumberField().Match(retryHtml).Groups[1].Value);
        Assert.Equal(CodeField().Match(firstHtml).Groups[1].Value, CodeField().Match(retryHtml).Groups[1].Value);
        Assert.Contains("此申请此前已经提交过", retryHtml);
        Assert.DoesNotContain("此申请此前已经提交过", firstHtml);
        using var scope = app.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().OnlineApplications.CountAsync());
    }

    [Fact]
    public async Task Apply_FieldsOverTheirBoundsOrNotAChoice_RefusedNamingEachField()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var applicant = app.NewClient();

        using var response = await ApplyAsync(applicant, null,
            ("Input.ApplicantName", "张\u0000三"), ("Input.Address", new string('路', 5000)), ("Input.Phone", new string('1', 31)),
            ("Input.Email", new string('a', 250) + "@x.cn"), ("Input.InfoName", new string('文', 501)), ("Input.Form", "传真"),
            ("Input.Delivery", "飞鸽传书"), ("Input.IdType", "<script>"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("申请人姓名或名称：申请人姓名含有无法识别的字符，请重新输入", html);
        Assert.Contains("通信地址：不超过200字", html);
        Assert.Contains("电话：不超过30个字符", html);
        Assert.Contains("电子邮箱：不超过254个字符", html);
        Assert.Contains("信息名称：不超过500字", html);
        Assert.Contains("获取信息的形式：请从所列形式中选择（纸质、电子数据）", html);
        Assert.Contains("获取信息的途径：请从所列途径中选择（邮寄、电子邮件、当面领取、网上查询下载）", html);
        Assert.Contains("身份证明类型：请从所列类型中选择", html);
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().OnlineApplications.CountAsync());
    }

    [Theory]
    [InlineData("张\u001b三")]
    [InlineData("张\uFFFE三")]
    [InlineData("张\u0007三")]
    public async Task Register_NameWithUnreadableCharacter_RefusedAtTheDoor(string name)
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        using var response = await RegisterFormAsync(app, officer, name);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("申请人姓名或名称：申请人姓名含有无法识别的字符，请重新输入", html);
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Cases.CountAsync());
    }

    [Fact]
    public async Task Register_NameWithNulCharacter_RefusedAndNothingStored()
    {
        // ASP.NET Core refuses a URL-encoded form holding %00 before the page runs (400, the antiforgery check cannot
        // read the form); the multipart form of /apply reaches the page and gets the message (see the /apply test).
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        using var response = await RegisterFormAsync(app, officer, "张\u0000三");

        Assert.True((int)response.StatusCode is 200 or 400, response.StatusCode.ToString());
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Cases.CountAsync());
    }

    private static Task<HttpResponseMessage> RegisterFormAsync(GongkaiApp app, StaffClient officer, string name) =>
        officer.PostFormAsync("/staff/cases/new", "/staff/cases/new",
            ("Input.ApplicantType", "NaturalPerson"), ("Input.ApplicantName", name), ("Input.IdType", "居民身份证"), ("Input.IdNumber", "440106199001011234"),
            ("Input.Phone", "13812345678"), ("Input.Description", "某信息"), ("Input.Form", "纸质"), ("Input.Delivery", "邮寄"),
            ("Input.Channel", "InPerson"), ("Input.ArrivedOn", Iso(Today(app))));

    [Theory]
    [InlineData("张\u0000三")]
    [InlineData("张\u001b三")]
    [InlineData("张\uFFFE三")]
    public async Task Notice_ExistingCaseWithUnreadableCharacterInName_Renders(string name)
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        long id;
        using (var scope = app.Services.CreateScope())
        {
            // Stored before names were checked at the door.
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var agency = await db.Agencies.FirstAsync();
            var store = await scope.ServiceProvider.GetRequiredService<CaseCalendar>().StoreAsync(db, TimeProvider.System);
            var registered = await store.RegisterAsync(new NewApplication(agency.Id, ApplicantType.NaturalPerson, name, Channel.InPerson, Today(app), "officer1", Request: "某信息"));
            id = registered.Value!.Id;
        }

        var page = $"/staff/cases/{id}";
        await StepAsync(officer, page, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "NotHeld"));
        var html = await StepAsync(officer, page, "Notice", ("kind", "art36-4"));
        var link = Regex.Match(html, "href=\"(/staff/cases/\\d+/notices/\\d+)\"").Groups[1].Value;
        using var download = await officer.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("张三：", CaseStepTests.DocxText(await download.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Assign_TwoOfficersFromTheSamePage_SecondToldWhoAssignedWhere(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var wang = await Staff.SignedInAsync(app, "wangfang", StaffRoles.DisclosureOfficer);
        using var li = await Staff.SignedInAsync(app, "liqiang", StaffRoles.DisclosureOfficer);
        var page = await RegisterAsync(wang, arrived: Today(app));
        var seen = VersionField().Match(await wang.GetHtmlAsync(page)).Groups[1].Value;
        var departments = DepartmentOption().Matches(await wang.GetHtmlAsync(page)).Select(m => (Id: m.Groups[1].Value, Name: m.Groups[2].Value)).Distinct().ToList();
        Assert.True(departments.Count >= 2);

        var first = await StepAsync(wang, page, "Assign", ("Version", seen), ("Step.Date", Iso(Today(app))), ("Step.DepartmentId", departments[0].Id));
        var second = await StepAsync(li, page, "Assign", ("Version", seen), ("Step.Date", Iso(Today(app))), ("Step.DepartmentId", departments[1].Id));

        Assert.Contains("已记录：分办。", first);
        Assert.Matches($@"未记录：该申请已被wangfang于\d{{4}}-\d{{2}}-\d{{2}} \d{{2}}:\d{{2}}办理：分办（{departments[0].Name}）。请刷新后重试", second);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var row = await db.Cases.SingleAsync();
        Assert.Equal(int.Parse(departments[0].Id, System.Globalization.CultureInfo.InvariantCulture), row.DepartmentId);
        Assert.Equal(2, await db.CaseEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ExtensionApproval_CaseRepliedMeanwhile_RefusedAndRequestStaysPending(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var leader = await Staff.SignedInAsync(app, "leader1", StaffRoles.ApprovingLeader);
        var page = await RegisterAsync(officer, arrived: Today(app));
        await StepAsync(officer, page, "ExtensionRequest", ("Step.WorkingDays", "10"), ("Step.Reason", "档案多"));
        var seen = VersionField().Match(await leader.GetHtmlAsync(page)).Groups[1].Value;
        await StepAsync(officer, page, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"));
        long requestId;
        using (var scope = app.Services.CreateScope())
        {
            requestId = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().ExtensionRequests.Select(r => r.Id).SingleAsync();
        }

        using var approve = await leader.PostFormAsync(page, $"{page}?handler=ExtensionApprove&requestId={requestId}", ("Version", seen));
        var html = await leader.GetTextAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Matches(@"未记录：该申请已被officer1于\d{4}-\d{2}-\d{2} \d{2}:\d{2}办理：答复（予以公开）。请刷新后重试", html);
        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.Equal(ExtensionRequestStatus.Pending, (await db.ExtensionRequests.SingleAsync()).Status);
        Assert.Equal(0, await db.CaseEvents.CountAsync(e => e.Type == "extended"));
    }

    [Fact]
    public async Task NoticeTemplate_TwoAdministratorsFromTheSamePage_SecondRefused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        using var other = await Staff.SignedInAsync(app, "admin2", StaffRoles.Administrator);

        using var first = await admin.PostFormAsync("/staff/admin/notices", "/staff/admin/notices",
            ("kind", "art36-4"), ("version", "0"), ("title", "甲的标题"), ("body", "甲的正文"));
        using var second = await other.PostFormAsync("/staff/admin/notices", "/staff/admin/notices",
            ("kind", "art36-4"), ("version", "0"), ("title", "乙的标题"), ("body", "乙的正文"));
        var page = await admin.GetTextAsync("/staff/admin/notices");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("甲的标题", page);
        Assert.DoesNotContain("乙的标题", page);
        Assert.Matches(@"该模板已被他人于\d{4}-\d{2}-\d{2} \d{2}:\d{2}修改，请刷新后重试|模板“甲的标题”已被他人于\d{4}-\d{2}-\d{2} \d{2}:\d{2}修改，请刷新后重试", await other.GetTextAsync("/staff/admin/notices"));
    }

    [Fact]
    public async Task List_60PendingOnlineApplications_PagedAndWithoutProofs()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var proof = new byte[200 * 1024];
        Png.CopyTo(proof, 0);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var agency = await db.Agencies.FirstAsync();
            for (var i = 1; i <= 60; i++)
            {
                db.OnlineApplications.Add(new OnlineApplicationRecord
                {
                    AgencyId = agency.Id,
                    Number = $"2026-W{i:D5}",
                    QueryCodeHash = "x",
                    ArrivedOn = Today(app),
                    SubmittedAt = TimeProvider.System.GetUtcNow(),
                    ApplicantType = "NaturalPerson",
                    ApplicantName = "申请人" + i,
                    Description = "某信息",
                    Form = "纸质",
                    Delivery = "邮寄",
                    ProofContentType = "image/png",
                    Proof = proof,
                });
            }

            await db.SaveChangesAsync();
        }

        var html = await officer.GetHtmlAsync("/staff/cases");
        var second = await officer.GetHtmlAsync("/staff/cases?online=2");
        var firstProof = Regex.Match(html, "href=\"/staff/cases/online/(\\d+)\"").Groups[1].Value;
        using var download = await officer.GetAsync($"/staff/cases/online/{firstProof}?handler=Proof");

        Assert.Contains("待确认的在线申请（60）", WebUtility.HtmlDecode(html));
        Assert.Equal(50, Regex.Matches(html, "href=\"/staff/cases/online/\\d+\"").Count);
        Assert.Equal(10, Regex.Matches(second, "href=\"/staff/cases/online/\\d+\"").Count);
        Assert.Contains("online=2", html);
        Assert.True(html.Length < 100_000, $"the list is {html.Length} characters");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(proof.Length, (await download.Content.ReadAsByteArrayAsync()).Length);
        Assert.True(download.Headers.CacheControl?.NoStore, "the proof must not be cached");
    }

    private static async Task<HttpResponseMessage> ApplyAsync(StaffClient client, string? key, params (string Name, string Value)[] overrides)
    {
        var token = StaffClient.Token(await client.GetHtmlAsync("/apply"));
        var fields = new Dictionary<string, string>
        {
            ["Input.ApplicantType"] = "NaturalPerson",
            ["Input.ApplicantName"] = "赵某",
            ["Input.IdType"] = "居民身份证",
            ["Input.IdNumber"] = "440106199001015674",
            ["Input.Phone"] = "13900001111",
            ["Input.Description"] = "本局2025年行政处罚决定书",
            ["Input.Form"] = "电子数据",
            ["Input.Delivery"] = "网上查询下载",
        };
        foreach (var (name, value) in overrides)
        {
            fields[name] = value;
        }

        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (key is not null)
        {
            form.Add(new StringContent(key), "Key");
        }

        form.Add(new ByteArrayContent(Png), "Proof", "id.png");
        return await client.Http.PostAsync("/apply", form);
    }

    [GeneratedRegex("name=\"Key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("<option value=\"(\\d+)\">([^<]+)</option>")]
    private static partial Regex DepartmentOption();

    [GeneratedRegex("id=\"case-number\">([^<]+)<")]
    private static partial Regex NumberField();

    [GeneratedRegex("id=\"query-code\">([^<]+)<")]
    private static partial Regex CodeField();
}
