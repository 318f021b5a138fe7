using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Application.Mail;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>The applicant's side (issue #13): field errors on /apply, the receipt, deadlines, online 补正 and 撤回, mail.</summary>
public partial class ApplicantSideTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Pdf = "%PDF-1.4\n%补正材料\n"u8.ToArray();

    public static TheoryProviders Providers => TestDatabase.Providers;

    private static async Task<string> ApplyAsync(StaffClient client, params (string Name, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.ApplicantType"] = "NaturalPerson",
            ["Input.ApplicantName"] = "赵某",
            ["Input.IdType"] = "居民身份证",
            ["Input.IdNumber"] = "440106199001015674",
            ["Input.Phone"] = "13900001111",
            ["Input.Description"] = "本局2025年行政处罚决定书。",
            ["Input.Form"] = "电子数据",
            ["Input.Delivery"] = "网上查询下载",
        };
        foreach (var (name, value) in overrides)
        {
            fields[name] = value;
        }

        var token = StaffClient.Token(await client.GetHtmlAsync("/apply"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(Png), "Proof", "id.png");
        using var response = await client.Http.PostAsync("/apply", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Applies online, the office confirms: the number, the code and the case page.</summary>
    internal static async Task<(string Number, string Code, string CasePage)> ApplyAndConfirmAsync(GongkaiApp app, StaffClient applicant, StaffClient officer, params (string Name, string Value)[] overrides)
    {
        var html = await ApplyAsync(applicant, overrides);
        var number = NumberField().Match(html).Groups[1].Value;
        var code = CodeField().Match(html).Groups[1].Value;
        Assert.NotEmpty(number);
        var list = await officer.GetTextAsync("/staff/cases");
        var onlinePage = Regex.Match(list, "href=\"(/staff/cases/online/\\d+)\"").Groups[1].Value;
        using var confirm = await officer.PostFormAsync(onlinePage, onlinePage + "?handler=Confirm", ("ConfirmedOn", Iso(Today(app))));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        return (number, code, confirm.Headers.Location!.OriginalString);
    }

    internal static async Task<string> StatusAsync(StaffClient client, string number, string code)
    {
        using var response = await client.PostFormAsync("/status", "/status", ("Number", number), ("Code", code));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The text of a PDF, read by poppler's pdftotext (as a person's PDF reader would show it).</summary>
    public static string PdfText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return Regex.Replace(text, "\\s+", string.Empty);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Apply_WrongIdAndPhone_ErrorsAtTheirFields_FirstFocused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var applicant = app.NewClient();

        var html = await ApplyAsync(applicant, ("Input.IdNumber", "12345"), ("Input.Phone", "abc123"), ("Input.Description", ""));

        Assert.Matches("<span[^>]*id=\"err-IdNumber\"[^>]*>身份证明号码：居民身份证号码应为18位，现为5位</span>", html);
        Assert.Matches("<span[^>]*id=\"err-Phone\"[^>]*>电话：请填写11位手机号码", html);
        Assert.Matches("<span[^>]*id=\"err-Description\"[^>]*>所需政府信息：请至少填写信息名称、文号或特征性描述之一</span>", html);
        Assert.Matches("<input[^>]*aria-describedby=\"err-IdNumber\"[^>]*aria-invalid=\"true\"[^>]*autofocus", html);
        Assert.True(Regex.Matches(html, "autofocus=\"autofocus\"").Count == 1, string.Join("\n", Regex.Matches(html, ".{80}autofocus=\"autofocus\"").Select(m => m.Value)));
        Assert.DoesNotContain("（第二十九条）</li>", html);
        Assert.Contains("至少填写一项", html);

        var checkDigit = await ApplyAsync(applicant, ("Input.IdNumber", "440106199001015678"));
        Assert.Contains("身份证明号码：居民身份证号码的校验位不符，请核对是否抄错", checkDigit);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Apply_Organisation_NeedsRepresentativeAndValidCode_StaffSeeThem(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        (string, string)[] organisation = [("Input.ApplicantType", "CommercialEnterprise"), ("Input.ApplicantName", "某某科技有限公司"), ("Input.IdType", "统一社会信用代码")];

        var refused = await ApplyAsync(applicant, [.. organisation, ("Input.IdNumber", "91350100M000100Y42")]);
        Assert.Contains("统一社会信用代码：", refused);
        Assert.Contains("法定代表人或负责人：法人或者其他组织申请时必填", refused);

        await ApplyAsync(applicant, [.. organisation, ("Input.IdNumber", "91350100M000100Y43"), ("Input.LegalRepresentative", "钱某"), ("Input.ContactPerson", "孙某")]);
        var onlinePage = Regex.Match(await officer.GetTextAsync("/staff/cases"), "href=\"(/staff/cases/online/\\d+)\"").Groups[1].Value;
        Assert.Contains("法定代表人：钱某；联系人：孙某", await officer.GetTextAsync(onlinePage)); // before confirming, too
        using var confirm = await officer.PostFormAsync(onlinePage, onlinePage + "?handler=Confirm", ("ConfirmedOn", Iso(Today(app))));
        var page = await officer.GetTextAsync(confirm.Headers.Location!.OriginalString);
        Assert.Contains("法定代表人：钱某；联系人：孙某", page);
        Assert.Contains("统一社会信用代码：91350100M000100Y43", page);
    }

    [Fact]
    public async Task Apply_Receipt_PdfWithNumberCodeDatesAgencyAndRequest()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var applicant = app.NewClient();
        var html = await ApplyAsync(applicant);
        var number = NumberField().Match(html).Groups[1].Value;
        var code = CodeField().Match(html).Groups[1].Value;
        Assert.Contains("下载回执（PDF）", html);

        using var response = await applicant.PostFormAsync("/apply", "/apply?handler=Receipt", ("number", number), ("code", code));

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("政府信息公开申请回执", text);
        Assert.Contains($"申请编号：{number}；查询码：{code}", text);
        Assert.Contains("申请获取“本局2025年行政处罚决定书”", text);
        Assert.Contains(Gongkai.Documents.Rendering.ReportFormatting.ChineseDate(Today(app)), text);
        Assert.Contains("答复期限", text);
        using var wrong = await applicant.PostFormAsync("/apply", "/apply?handler=Receipt", ("number", number), ("code", "WRONGCODE234"));
        Assert.Contains("申请编号或查询码不正确", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Status_SupplementOnline_ClockRestarts_OfficeSeesIt(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var (number, code, casePage) = await ApplyAndConfirmAsync(app, applicant, officer);
        var today = Today(app);
        var respondBy = today.AddDays(15);
        await StepAsync(officer, casePage, "SupplementRequest", ("Step.Date", Iso(today)), ("Step.RespondBy", Iso(respondBy)));

        var awaiting = await StatusAsync(applicant, number, code);
        Assert.Contains("<dt>补正期限</dt><dd>请于" + Gongkai.Documents.Rendering.ReportFormatting.ChineseDate(respondBy) + "前提交补正材料", awaiting);
        Assert.Contains("提交补正材料", awaiting);
        Assert.DoesNotContain("答复期限</dt><dd>—", awaiting);

        using var empty = await applicant.PostMultipartAsync("/status", "/status?handler=Supplement", [("Number", number), ("Code", code), ("supplementText", "")]);
        Assert.Matches("id=\"err-SupplementText\">补正内容：请填写补正说明或上传补正材料<", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));

        using var sent = await applicant.PostMultipartAsync("/status", "/status?handler=Supplement",
            [("Number", number), ("Code", code), ("supplementText", "所需信息为2025年第三季度的行政处罚决定书")], ("supplementFiles", "说明.pdf", Pdf));
        var after = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());
        Assert.Contains("补正材料已提交", after);
        var due = app.Services.GetRequiredService<Gongkai.Application.Cases.CaseCalendar>();
        using (var scope = app.Services.CreateScope())
        {
            var calendar = await due.GetAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
            Assert.Contains("<dt>答复期限</dt><dd>" + Gongkai.Documents.Rendering.ReportFormatting.ChineseDate(calendar.AddWorkingDays(today, 20)) + "（第三十三条）", after);
        }

        Assert.Contains("所需信息为2025年第三季度的行政处罚决定书（附1个文件）", after);
        Assert.DoesNotContain("提交补正材料</h2>", after);

        var office = await officer.GetTextAsync(casePage);
        Assert.Contains("申请人网上提交的补正", office);
        Assert.Contains("所需信息为2025年第三季度的行政处罚决定书", office);
        Assert.Contains("收到补正材料", office);
        Assert.Contains("申请人（网上）", office);
        var file = Regex.Match(office, "href=\"(/staff/cases/\\d+/supplements/\\d+)\"").Groups[1].Value;
        using var download = await officer.GetAsync(file);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Status_Withdraw_NeedsConfirmation_ThenClosed(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var (number, code, casePage) = await ApplyAndConfirmAsync(app, applicant, officer);

        using var unconfirmed = await applicant.PostFormAsync("/status", "/status?handler=Withdraw", ("Number", number), ("Code", code));
        Assert.Contains("撤回申请：请勾选“我确认撤回本申请”", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        using var wrongCode = await applicant.PostFormAsync("/status", "/status?handler=Withdraw", ("Number", number), ("Code", "WRONGCODE234"), ("confirmed", "true"));
        Assert.Contains("申请编号或查询码不正确", WebUtility.HtmlDecode(await wrongCode.Content.ReadAsStringAsync()));

        using var done = await applicant.PostFormAsync("/status", "/status?handler=Withdraw", ("Number", number), ("Code", code), ("confirmed", "true"));
        var html = WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync());
        Assert.Contains("您的申请已撤回", html);
        Assert.DoesNotContain("撤回申请</h2>", html);
        Assert.Contains("撤回申请", await officer.GetTextAsync(casePage));
        Assert.Contains("已办结", await StatusAsync(applicant, number, code));
    }

    [Fact]
    public async Task Mail_ApplyAndReply_ReceiptAndReplyPdfArriveAtTheSmtpServer()
    {
        using var smtp = new SmtpTestServer();
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>(NoDemoCases.Concat(smtp.Settings)));
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var (number, code, casePage) = await ApplyAndConfirmAsync(app, applicant, officer, ("Input.Email", "zhao@example.com"));

        var first = await smtp.WaitForAsync(1);
        Assert.Equal("zhao@example.com", first[0].To.Mailboxes.Single().Address);
        Assert.Contains(number, first[0].Subject);
        Assert.Contains($"查询码{code}", first[0].TextBody);
        var receipt = first[0].Attachments.OfType<MimeKit.MimePart>().Single();
        Assert.Equal($"{number}-回执.pdf", receipt.FileName);

        // Applied online with an address: the reply goes by e-mail with it (PDF and DOCX); the notice generated after, too (PDF).
        await StepAsync(officer, casePage, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"));
        await smtp.WaitForAsync(2);
        await StepAsync(officer, casePage, "Notice", ("kind", "art36-2"), ("route", "网上查询下载"));
        var all = await smtp.WaitForAsync(3);
        var reply = all.Single(m => m.Subject?.Contains("答复书", StringComparison.Ordinal) == true && m.Attachments.Count() == 1);
        var pdf = reply.Attachments.OfType<MimeKit.MimePart>().Single();
        Assert.EndsWith(".pdf", pdf.FileName, StringComparison.Ordinal);
        using var bytes = new MemoryStream();
        await pdf.Content!.DecodeToAsync(bytes);
        Assert.Contains("第三十六条第（二）项", PdfText(bytes.ToArray()));
    }

    [Fact]
    public async Task Mail_SmtpServerDown_MessageKept_SentWhenItIsBack()
    {
        // A free port with nothing listening on it: the app's first attempts fail.
        int port;
        using (var probe = new SmtpTestServer())
        {
            port = probe.Port;
        }

        using var app = new GongkaiApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>(NoDemoCases.Concat(SmtpTestServer.SettingsFor(port))));
        using var applicant = app.NewClient();
        await ApplyAsync(applicant, ("Input.Email", "zhao@example.com"));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var watch = Stopwatch.StartNew();
            while (db.MailOutbox.AsEnumerable().All(m => m.LastError is null) && watch.Elapsed.TotalSeconds < 20)
            {
                await Task.Delay(100);
                db.ChangeTracker.Clear();
            }

            var waiting = db.MailOutbox.AsEnumerable().Single();
            Assert.Null(waiting.SentAt);
            Assert.Contains("无法连接邮件服务器", waiting.LastError);
            // Try again at once rather than after the back-off.
            waiting.AvailableAtMs = 0;
            await db.SaveChangesAsync();
        }

        using var smtp = new SmtpTestServer(port);
        var received = await smtp.WaitForAsync(1);
        Assert.Equal("zhao@example.com", received[0].To.Mailboxes.Single().Address);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Outbox_FourWorkersClaimAtOnce_EachMessageClaimedOnce(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.Open())
        {
            var outbox = new MailOutbox(context, TimeProvider.System);
            for (var i = 0; i < 40; i++)
            {
                await outbox.EnqueueAsync($"a{i}@example.com", "主题" + i, "正文", [new MailAttachment("a.pdf", "application/pdf", [1, 2, 3])]);
            }
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            await using var context = db.Open();
            var outbox = new MailOutbox(context, TimeProvider.System);
            while (await outbox.ClaimAsync("worker" + w, 5, TimeSpan.FromMinutes(5)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(m => m.Id));
                foreach (var m in batch)
                {
                    Assert.Equal(1, await outbox.MarkSentAsync(m.Id, "worker" + w));
                }
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
        await using var check = db.Open();
        Assert.Equal(40, check.MailOutbox.AsEnumerable().Count(m => m.SentAt is not null));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Outbox_ExpiredLease_AnotherWorkerTakesOver_TheFirstCannotMarkIt(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var outbox = new MailOutbox(context, TimeProvider.System);
        await outbox.EnqueueAsync("a@example.com", "主题", "正文");

        var first = await outbox.ClaimAsync("dead", 5, TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        var second = await outbox.ClaimAsync("alive", 5, TimeSpan.FromMinutes(5));

        Assert.Single(first);
        Assert.Equal(first[0].Id, Assert.Single(second).Id);
        Assert.Empty(await outbox.ClaimAsync("third", 5, TimeSpan.FromMinutes(5)));
        Assert.Equal(0, await outbox.MarkSentAsync(first[0].Id, "dead"));
        Assert.Equal(1, await outbox.MarkSentAsync(first[0].Id, "alive"));
    }

    [GeneratedRegex("id=\"case-number\">([^<]+)<")]
    private static partial Regex NumberField();

    [GeneratedRegex("id=\"query-code\">([^<]+)<")]
    private static partial Regex CodeField();
}
