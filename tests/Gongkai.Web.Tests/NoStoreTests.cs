using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Cases;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests;

/// <summary>Every response that carries a file or page with personal data is kept by no cache (Cache-Control: no-store).</summary>
public partial class NoStoreTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public async Task PersonalFiles_ProofNoticesRepliesAndStaffDownloads_AreNoStore()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        // The application's answer shows the one-time query code.
        using var applied = await PortalApplicationTests.ApplyAsync(applicant, Png);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        AssertNoStore(applied);
        var html = WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync());
        var number = CaseNumber().Match(html).Groups[1].Value;
        var code = QueryCode().Match(html).Groups[1].Value;

        // The identity proof, as the office sees it.
        var onlinePage = Regex.Match(await officer.GetTextAsync("/staff/cases"), "href=\"(/staff/cases/online/\\d+)\"").Groups[1].Value;
        using (var proof = await officer.GetAsync(onlinePage + "?handler=Proof"))
        {
            Assert.Equal(HttpStatusCode.OK, proof.StatusCode);
            Assert.Equal(Png, await proof.Content.ReadAsByteArrayAsync());
            AssertNoStore(proof);
        }

        using var confirm = await officer.PostFormAsync(onlinePage, onlinePage + "?handler=Confirm", ("ConfirmedOn", Iso(Today(app))));
        var casePage = confirm.Headers.Location!.OriginalString;
        await StepAsync(officer, casePage, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"));
        await StepAsync(officer, casePage, "Notice", ("kind", "art36-2"), ("route", "网上查询下载"));

        // The notice, from the back office.
        var noticeLink = Regex.Match(await officer.GetTextAsync(casePage), "href=\"(/staff/cases/\\d+/notices/\\d+)\"").Groups[1].Value;
        using (var notice = await officer.GetAsync(noticeLink))
        {
            Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
            Assert.Contains("赵某", CaseStepTests.DocxText(await notice.Content.ReadAsByteArrayAsync()));
            AssertNoStore(notice);
        }

        // The reply, as the applicant downloads it, and the status page that lists it.
        using var status = await applicant.PostFormAsync("/status", "/status", ("Number", number), ("Code", code));
        AssertNoStore(status);
        var noticeId = Regex.Match(WebUtility.HtmlDecode(await status.Content.ReadAsStringAsync()), "name=\"noticeId\" value=\"(\\d+)\"").Groups[1].Value;
        using (var reply = await applicant.PostFormAsync("/status", "/status?handler=Download", ("Number", number), ("Code", code), ("noticeId", noticeId)))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            Assert.Contains("赵某", CaseStepTests.DocxText(await reply.Content.ReadAsByteArrayAsync()));
            AssertNoStore(reply);
        }

        // Staff downloads: the report draft built from the records and the Art. 20 template.
        var year = Today(app).Year;
        using (var draft = await officer.GetAsync($"/staff/reports/{year}/report.docx"))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
            AssertNoStore(draft);
        }

        using (var draft = await officer.GetAsync($"/staff/reports/{year}/report.pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
            AssertNoStore(draft);
        }

        using (var template = await officer.GetAsync($"/staff/disclosure/article20?handler=Template&year={year}"))
        {
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            AssertNoStore(template);
        }
    }

    [Fact]
    public async Task PublicPortal_StylesheetAndHome_AreNotNoStore()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = app.NewClient();

        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.False(home.Headers.CacheControl?.NoStore ?? false);
    }

    private static void AssertNoStore(HttpResponseMessage response) =>
        Assert.True(response.Headers.CacheControl?.NoStore ?? false, $"{response.RequestMessage?.RequestUri}: Cache-Control {response.Headers.CacheControl}");

    [GeneratedRegex("id=\"case-number\">([^<]+)<")]
    private static partial Regex CaseNumber();

    [GeneratedRegex("id=\"query-code\">([^<]+)<")]
    private static partial Regex QueryCode();
}
