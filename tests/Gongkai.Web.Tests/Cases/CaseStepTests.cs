using System.Net;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

public class CaseStepTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_InPerson_CaseOnWorkListWithDueDate(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        var page = await RegisterAsync(officer, arrived: Today(app));
        var html = await officer.GetTextAsync(page);
        var list = await officer.GetTextAsync("/staff/cases");

        Assert.Contains("已登记，申请编号 " + Today(app).Year + "-00001", html);
        Assert.Contains("办理中", html);
        Assert.Contains("440106199001011234", html);
        Assert.Contains(Today(app).Year + "-00001", list);
        Assert.Contains("登记申请（当面）", html);
    }

    [Fact]
    public async Task Register_MissingFields_ChineseMessagesNameTheField()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        using var response = await officer.PostFormAsync("/staff/cases/new", "/staff/cases/new",
            ("Input.ApplicantType", "NaturalPerson"), ("Input.ApplicantName", ""), ("Input.IdNumber", ""), ("Input.Form", "纸质"),
            ("Input.Delivery", "邮寄"), ("Input.Channel", "InPerson"), ("Input.ArrivedOn", ""));
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("申请人姓名或名称：必填", html);
        Assert.Contains("身份证明号码：必填", html);
        Assert.Contains("联系方式：请至少填写", html);
        Assert.Contains("所需政府信息：请至少填写信息名称、文号或特征性描述之一", html);
        Assert.Contains("申请到达日期：必填", html);
    }

    [Fact]
    public async Task Register_FaxWithoutConfirmation_RefusedWithArticle31()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        using var response = await officer.PostFormAsync("/staff/cases/new", "/staff/cases/new",
            ("Input.ApplicantType", "NaturalPerson"), ("Input.ApplicantName", "李某"), ("Input.IdNumber", "X1"), ("Input.Phone", "1"),
            ("Input.Description", "某信息"), ("Input.Form", "纸质"), ("Input.Delivery", "邮寄"), ("Input.Channel", "Fax"),
            ("Input.ArrivedOn", Iso(Today(app))));
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第三十一条", html);
        Assert.Contains("确认日期", html);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Steps_SupplementExtensionFeeReplyNotice_RecordedInHistory(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var leader = await Staff.SignedInAsync(app, "leader1", StaffRoles.ApprovingLeader);
        var today = Iso(Today(app));
        var page = await RegisterAsync(officer, arrived: Today(app));

        var html = await StepAsync(officer, page, "SupplementRequest", ("Step.Date", today), ("Step.RespondBy", Iso(Today(app).AddDays(14))));
        Assert.Contains("已记录：告知补正", html);
        Assert.Contains("待补正", html);
        html = await StepAsync(officer, page, "SupplementReceived", ("Step.Date", today));
        Assert.Contains("已记录：收到补正材料", html);
        html = await StepAsync(officer, page, "Assign", ("Step.Date", today), ("Step.DepartmentId", "2"));
        Assert.Contains("分办（医政医管科）", html);
        html = await StepAsync(officer, page, "Assign", ("Step.Date", today), ("Step.DepartmentId", "3"));
        Assert.Contains("转办（转至 疾病预防控制科）", html);
        html = await StepAsync(officer, page, "ConsultStart", ("Step.Date", today), ("Step.Party", "ThirdParty"));
        Assert.Contains("计时暂停", html);
        html = await StepAsync(officer, page, "ConsultEnd", ("Step.Date", today));
        Assert.Contains("已记录：征求意见结束", html);

        html = await StepAsync(officer, page, "ExtensionRequest", ("Step.WorkingDays", "15"), ("Step.Reason", "需调取档案"));
        Assert.Contains("待领导审批", html);
        var list = await leader.GetTextAsync("/staff/cases");
        Assert.Contains("待审批的延期申请（1）", list);
        var leaderPage = await leader.GetHtmlAsync(page);
        var requestId = System.Text.RegularExpressions.Regex.Match(leaderPage, "requestId=(\\d+)").Groups[1].Value;
        using (var approve = await leader.PostFormAsync(page, $"{page}?handler=ExtensionApprove&requestId={requestId}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        html = await officer.GetTextAsync(page);
        Assert.Contains("延期答复（15个工作日，批准人 leader1）", html);

        html = await StepAsync(officer, page, "FeeNotice", ("Step.Date", today), ("Step.Method", "PerPage"), ("Step.Pages", "40"), ("Step.Amount", "100"));
        Assert.Contains("发出收费通知（100元；按量计收，共40页：1–30页：免收；31–100页：10页×10元＝100元）", html);
        html = await StepAsync(officer, page, "FeePaid", ("Step.Date", today));
        html = await StepAsync(officer, page, "Reply", ("Step.Date", today), ("Step.Outcome", "Granted"));
        Assert.Contains("答复（予以公开）", html);
        Assert.Contains("已办结", html);
        Assert.Equal(11, HistoryCount(html));

        html = await StepAsync(officer, page, "Deliver", ("Step.Date", today), ("Step.Reason", "邮寄（挂号信）"));
        Assert.Contains("送达（邮寄（挂号信））", html);
        Assert.Contains("送达日期", html);
        html = await StepAsync(officer, page, "Deliver", ("Step.Date", today), ("Step.Reason", "当面领取"));
        Assert.Contains("不能重复记录", html);
        html = await StepAsync(officer, page, "Notice", ("kind", "art36-2"), ("route", "随本告知书邮寄纸质文本"));
        Assert.Contains("已生成：政府信息公开申请答复书（予以公开）", html);
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/staff/cases/\\d+/notices/\\d+)\"").Groups[1].Value;
        using var download = await officer.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        var text = DocxText(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("王某", text);
        Assert.Contains("第三十六条第（二）项", text);
        Assert.Contains("随本告知书邮寄纸质文本", text);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RefusedStep_ShowsDomainReason_ChangesNothing(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var page = await RegisterAsync(officer, arrived: Today(app));
        var before = HistoryCount(await officer.GetTextAsync(page));

        var html = await StepAsync(officer, page, "SupplementReceived", ("Step.Date", Iso(Today(app))));
        var early = await StepAsync(officer, page, "Reply", ("Step.Date", Iso(Today(app).AddDays(-30))), ("Step.Outcome", "Granted"));

        Assert.Contains("未记录：本申请没有待补正的告知，不能记录收到补正材料", html);
        Assert.Contains("未记录：", early);
        Assert.Contains("早于", early);
        Assert.Equal(before, HistoryCount(early));
        Assert.Contains("办理中", early);
    }

    [Theory]
    [InlineData(StaffRoles.Supervisor)]
    [InlineData(StaffRoles.ApprovingLeader)]
    public async Task Steps_ReadOnlyRoles_AreRefused(string role)
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var reader = await Staff.SignedInAsync(app, "reader", role);
        var page = await RegisterAsync(officer, arrived: Today(app));

        var html = await reader.GetTextAsync(page);
        using var reply = await reader.PostFormAsync(page, $"{page}?handler=Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"));
        using var register = await reader.GetAsync("/staff/cases/new");

        Assert.DoesNotContain("记录答复", html);
        Assert.StartsWith("/account/access-denied", reply.Headers.Location?.PathAndQuery);
        Assert.StartsWith("/account/access-denied", register.Headers.Location?.PathAndQuery);
        Assert.Contains("办理中", await officer.GetTextAsync(page));
    }

    [Fact]
    public async Task PersonalData_MaskedExceptForOfficerAndAdministrator()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var supervisor = await Staff.SignedInAsync(app, "super1", StaffRoles.Supervisor);
        var page = await RegisterAsync(officer, arrived: Today(app));

        var masked = await supervisor.GetTextAsync(page);
        var full = await officer.GetTextAsync(page);

        Assert.Contains("4401**********1234", masked);
        Assert.Contains("138****5678", masked);
        Assert.DoesNotContain("440106199001011234", masked);
        Assert.DoesNotContain("13812345678", masked);
        Assert.Contains("440106199001011234", full);
        Assert.Contains("13812345678", full);
    }

    [Fact]
    public async Task Liaison_SeesOnlyTheirDepartmentsCases()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var user = await Staff.CreateAsync(app, "liaison1", StaffRoles.DepartmentLiaison);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services))
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StaffDbContext>(scope.ServiceProvider);
            (await db.Users.FindAsync(user.Id))!.DepartmentId = 2;
            await db.SaveChangesAsync();
        }

        using var liaison = app.NewClient();
        await liaison.SignInOkAsync("liaison1", Staff.Password);
        var mine = await RegisterAsync(officer, "甲某", arrived: Today(app));
        var other = await RegisterAsync(officer, "乙某", arrived: Today(app));
        await StepAsync(officer, mine, "Assign", ("Step.Date", Iso(Today(app))), ("Step.DepartmentId", "2"));

        var list = await liaison.GetTextAsync("/staff/cases");
        using var otherPage = await liaison.GetAsync(other);

        Assert.Contains("甲某", list);
        Assert.DoesNotContain("乙某", list);
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
        Assert.DoesNotContain("440106199001011234", await liaison.GetTextAsync(mine));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Opinion_AssignedDepartmentProposesTheReply_OfficeSeesIt_OtherDepartmentCannot(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var yizheng = await Staff.CreateAsync(app, "yizheng", StaffRoles.DepartmentLiaison);
        var jikong = await Staff.CreateAsync(app, "jikong", StaffRoles.DepartmentLiaison);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services))
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StaffDbContext>(scope.ServiceProvider);
            (await db.Users.FindAsync(yizheng.Id))!.DepartmentId = 2;
            (await db.Users.FindAsync(jikong.Id))!.DepartmentId = 3;
            await db.SaveChangesAsync();
        }

        using var mine = app.NewClient();
        await mine.SignInOkAsync("yizheng", Staff.Password);
        using var other = app.NewClient();
        await other.SignInOkAsync("jikong", Staff.Password);
        var page = await RegisterAsync(officer, "丙某", arrived: Today(app));
        var before = await mine.GetAsync(page);
        await StepAsync(officer, page, "Assign", ("Step.Date", Iso(Today(app))), ("Step.DepartmentId", "2"));

        var empty = await StepAsync(mine, page, "Opinion", ("Step.Reason", " "));
        var given = await StepAsync(mine, page, "Opinion", ("Step.Reason", "经查，该批复由本科室存档，可以公开。"), ("Step.Outcome", "Granted"));
        var seen = await officer.GetTextAsync(page);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("承办意见：必填", empty);
        Assert.Contains("已记录承办意见，公开办据此答复。", given);
        Assert.Contains("建议：予以公开", seen);
        Assert.Contains("经查，该批复由本科室存档，可以公开。", seen);
        Assert.Contains("办理中", seen);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        Assert.DoesNotContain("handler=Reply", given);
        Assert.Contains("◎ 已提出承办意见", await officer.GetTextAsync("/staff/cases"));
    }

    [Fact]
    public async Task ReasonableDeadline_Art35_ReplacesTheReplyDate_ReasonRequired()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var page = await RegisterAsync(officer, arrived: Today(app));
        var later = Iso(Today(app).AddDays(90));
        var laterShown = Gongkai.Domain.Text.DateText.Long(Today(app).AddDays(90));

        var noReason = await StepAsync(officer, page, "ReasonableDeadline", ("Step.Date", Iso(Today(app))), ("Step.ReplyBy", later));
        var set = await StepAsync(officer, page, "ReasonableDeadline", ("Step.Date", Iso(Today(app))), ("Step.ReplyBy", later), ("Step.Reason", "申请人一次申请十年全部抽检记录，理由为课题研究"));

        Assert.Contains("理由：必填", noReason);
        Assert.Contains("已记录：确定合理答复期限。", set);
        Assert.Contains($"<dt>合理答复期限</dt><dd>{laterShown}（第三十五条）</dd>", set);
        Assert.Matches($@"<dt>答复期限</dt>\s*<dd[^>]*>{laterShown}", set);
        Assert.DoesNotContain("handler=ReasonableDeadline", set);
        var notice = await StepAsync(officer, page, "Notice", ("kind", "art35"), ("reason", "档案分散于三个科室"));
        var link = System.Text.RegularExpressions.Regex.Match(notice, "href=\"(/staff/cases/\\d+/notices/\\d+)\">政府信息公开申请答复期限告知书").Groups[1].Value;
        using var docx = await officer.GetAsync(link);
        var text = DocxText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("根据《中华人民共和国政府信息公开条例》第三十五条，本机关确定的答复期限为", text);
        Assert.Contains("理由：档案分散于三个科室", text);
    }

    public static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var zip = new System.IO.Compression.ZipArchive(stream);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return System.Text.RegularExpressions.Regex.Replace(reader.ReadToEnd(), "<[^>]+>", string.Empty);
    }
}
