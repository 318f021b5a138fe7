using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>答复 as a document: its text drafted from the template, the documents sent with it (all or none), /status.</summary>
public partial class ReplyDocumentTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reply_WithDocuments_BadFileRefusesAll_ThenApplicantReadsTextAndDownloads(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var applied = await PortalApplicationTests.ApplyAsync(applicant, Png);
        var html = WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync());
        var number = NumberField().Match(html).Groups[1].Value;
        var code = CodeField().Match(html).Groups[1].Value;
        var list = await officer.GetTextAsync("/staff/cases");
        var onlinePage = Regex.Match(list, "href=\"(/staff/cases/online/\\d+)\"").Groups[1].Value;
        using var confirm = await officer.PostFormAsync(onlinePage, onlinePage + "?handler=Confirm", ("ConfirmedOn", Iso(Today(app))));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var casePage = confirm.Headers.Location!.OriginalString;

        // The draft of the outcome's template is in the form, with the applicant and the number filled in.
        var form = await officer.GetTextAsync(casePage);
        Assert.Contains("赵某：", form);
        Assert.Contains("申请编号：" + number, form);

        // One bad file: nothing is recorded, every bad file is named, the good one is not kept either.
        var refused = await ReplyAsync(officer, Today(app), casePage, "Granted", "予以公开，详见附件。", ("Documents", "名单.pdf", Pdf), ("Documents", "病毒.exe", [0x4D, 0x5A]));
        Assert.Contains("未记录答复，所选文件均未保存", refused);
        Assert.Contains("“病毒.exe”的格式不能发布", refused);
        Assert.Contains("办理中", refused);

        // A redacted copy goes only with 部分公开 (Art. 37).
        var notPartial = await ReplyAsync(officer, Today(app), casePage, "Granted", "予以公开。", ("RedactedDocuments", "名单（删减）.pdf", Pdf));
        Assert.Contains("只随部分公开的答复提供（第三十七条）", notPartial);
        await using (var db = app.Database.Open())
        {
            Assert.Equal(0, await db.CaseReplyDocuments.CountAsync());
            Assert.Equal(0, await db.CaseReplies.CountAsync());
        }

        var replied = await ReplyAsync(officer, Today(app), casePage, "PartiallyGranted", "经审查，部分公开。\n涉及个人隐私的部分已删除。",
            ("Documents", "名单.pdf", Pdf), ("RedactedDocuments", "名单（删减）.pdf", Pdf));
        Assert.Contains("已记录：答复。随答复提供2个文件。", replied);
        Assert.Contains("涉及个人隐私的部分已删除。", replied);
        Assert.Contains("名单（删减）.pdf</a>（删减后的文本）", replied);

        // The applicant reads the reply on /status and downloads the documents with the query code (not without it).
        var status = await LookUpAsync(applicant, number, code);
        Assert.Contains("经审查，部分公开。", status);
        Assert.Contains("下载：名单（删减）.pdf（删减后的文本）", status);
        var documentId = Regex.Match(status, "name=\"documentId\" value=\"(\\d+)\"").Groups[1].Value;
        using (var download = await applicant.PostFormAsync("/status", "/status?handler=ReplyDocument", ("Number", number), ("Code", code), ("documentId", documentId)))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        using var wrong = await applicant.PostFormAsync("/status", "/status?handler=ReplyDocument", ("Number", number), ("Code", "WRONGCODE234"), ("documentId", documentId));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    [Fact]
    public async Task Reply_BlankText_DraftedFromTheOutcomesTemplate()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var page = await RegisterAsync(officer, name: "钱某", arrived: Today(app));

        var html = await ReplyAsync(officer, Today(app), page, "NotHeld", string.Empty);

        Assert.Contains("已记录：答复。", html);
        await using var db = app.Database.Open();
        var text = (await db.CaseReplies.SingleAsync()).Text;
        Assert.StartsWith("钱某：", text, StringComparison.Ordinal);
        Assert.Contains("第三十六条第（四）项", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Deliver_ByPost_DeliveryReceiptDocxNamesMethodAndDateOfReceipt(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var today = Today(app);
        var page = await RegisterAsync(officer, name: "孙某", arrived: today);
        await ReplyAsync(officer, today, page, "Granted", "予以公开。");

        var before = await officer.GetTextAsync(page);
        await StepAsync(officer, page, "Deliver", ("Step.Date", Iso(today)), ("Step.Reason", "邮寄"));
        var html = await StepAsync(officer, page, "Notice", ("kind", "delivery-receipt"));

        Assert.DoesNotContain("value=\"delivery-receipt\"", before);
        Assert.Contains("已生成：送达回证。", html);
        var link = Regex.Match(html, "href=\"(/staff/cases/\\d+/notices/\\d+)\"").Groups[1].Value;
        using var docx = await officer.GetAsync(link);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var text = Regex.Replace(await reader.ReadToEndAsync(), "<[^>]+>", string.Empty);
        Assert.Contains("受送达人：孙某", text);
        Assert.Contains("送达方式：邮寄", text);
        Assert.Contains("受送达人收到日期：" + Gongkai.Documents.Rendering.ReportFormatting.ChineseDate(today), text);
    }

    private static async Task<string> ReplyAsync(StaffClient officer, DateOnly today, string casePage, string outcome, string text, params (string Field, string FileName, byte[] Content)[] files)
    {
        using var response = await officer.PostMultipartAsync(casePage, casePage + "?handler=Reply",
            [("Step.Date", Iso(today)), ("Step.Outcome", outcome), ("Step.ReplyText", text)], files);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await officer.GetTextAsync(casePage);
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
