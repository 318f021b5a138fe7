using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

public partial class PortalApplicationTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    public static TheoryProviders Providers => TestDatabase.Providers;

    /// <summary>Posts the online form (multipart, with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(StaffClient client, byte[]? proof, string name = "赵某", string fileName = "id.png")
    {
        var token = StaffClient.Token(await client.GetHtmlAsync("/apply"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("NaturalPerson"), "Input.ApplicantType" },
            { new StringContent(name), "Input.ApplicantName" },
            { new StringContent("居民身份证"), "Input.IdType" },
            { new StringContent("440106199001015674"), "Input.IdNumber" },
            { new StringContent("13900001111"), "Input.Phone" },
            { new StringContent("本局2025年行政处罚决定书"), "Input.Description" },
            { new StringContent("电子数据"), "Input.Form" },
            { new StringContent("网上查询下载"), "Input.Delivery" },
        };
        if (proof is not null)
        {
            form.Add(new ByteArrayContent(proof), "Proof", fileName);
        }

        return await client.Http.PostAsync("/apply", form);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Apply_Confirm_Reply_StatusShowsOutcomeAndNotice(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        using var applied = await ApplyAsync(applicant, Png);
        var html = WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync());
        var number = NumberField().Match(html).Groups[1].Value;
        var code = CodeField().Match(html).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Matches(@"^\d{4}-W00001$", number);
        Assert.Equal(12, code.Length);

        var pending = await LookUpAsync(applicant, number, code);
        Assert.Contains("待确认", pending);
        Assert.Contains("申请编号或查询码不正确", await LookUpAsync(applicant, number, "WRONGCODE234"));

        var list = await officer.GetTextAsync("/staff/cases");
        Assert.Contains("待确认的在线申请（1）", list);
        var onlinePage = Regex.Match(list, "href=\"(/staff/cases/online/\\d+)\"").Groups[1].Value;
        using var confirm = await officer.PostFormAsync(onlinePage, onlinePage + "?handler=Confirm", ("ConfirmedOn", Iso(Today(app))));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var casePage = confirm.Headers.Location!.OriginalString;
        Assert.Contains("登记申请（网络，确认日期 " + Iso(Today(app)) + "）", await officer.GetTextAsync(casePage));
        Assert.Contains("办理中", await LookUpAsync(applicant, number, code));

        await StepAsync(officer, casePage, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"));
        await StepAsync(officer, casePage, "Notice", ("kind", "art36-2"), ("route", "网上查询下载"));
        var replied = await LookUpAsync(applicant, number, code);
        Assert.Contains("予以公开", replied);
        Assert.Contains("下载：政府信息公开申请答复书（予以公开）", replied);
        var noticeId = Regex.Match(replied, "name=\"noticeId\" value=\"(\\d+)\"").Groups[1].Value;
        using var download = await applicant.PostFormAsync("/status", "/status?handler=Download", ("Number", number), ("Code", code), ("noticeId", noticeId));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("赵某", CaseStepTests.DocxText(await download.Content.ReadAsByteArrayAsync()));
        using var wrong = await applicant.PostFormAsync("/status", "/status?handler=Download", ("Number", number), ("Code", "WRONGCODE234"), ("noticeId", noticeId));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.DoesNotContain("送达日期", replied);
        await StepAsync(officer, casePage, "Deliver", ("Step.Date", Iso(Today(app))), ("Step.Reason", "网上查询下载"));
        Assert.Contains($"<dt>送达日期</dt><dd>{Iso(Today(app))}</dd>", await LookUpAsync(applicant, number, code));

        // Only the hash is kept.
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<GongkaiDbContext>(scope.ServiceProvider);
        var stored = db.Cases.Single(c => c.Number == number);
        Assert.NotEqual(code, stored.QueryCodeHash);
        Assert.Equal(64, stored.QueryCodeHash!.Length);
    }

    [Fact]
    public async Task Apply_ProofNotAnImageOrPdf_Refused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var applicant = app.NewClient();

        using var renamed = await ApplyAsync(applicant, "MZ this is an exe"u8.ToArray(), fileName: "id.png");
        using var missing = await ApplyAsync(applicant, null);

        Assert.Contains("身份证明：只接受JPG、PNG或PDF文件", WebUtility.HtmlDecode(await renamed.Content.ReadAsStringAsync()));
        Assert.Contains("身份证明：请上传", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Apply_ProofOver5MB_Refused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var applicant = app.NewClient();
        var big = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);

        using var response = await ApplyAsync(applicant, big);

        Assert.Contains("身份证明：文件超过5MB", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Apply_WithoutAntiforgeryToken_Refused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var applicant = app.NewClient();

        using var response = await applicant.Http.PostAsync("/apply", new FormUrlEncodedContent([new("Input.ApplicantName", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> LookUpAsync(StaffClient client, string number, string code)
    {
        using var response = await client.PostFormAsync("/status", "/status", ("Number", number), ("Code", code));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("id=\"case-number\">([^<]+)<")]
    private static partial Regex NumberField();

    [GeneratedRegex("id=\"query-code\">([^<]+)<")]
    private static partial Regex CodeField();
}
