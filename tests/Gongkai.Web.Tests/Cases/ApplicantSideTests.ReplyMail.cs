using Gongkai.Data;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>The reply delivered by e-mail: the 答复书 (PDF, DOCX) and the documents reach the applicant's SMTP server; the 送达 is recorded.</summary>
public partial class ApplicantSideTests
{
    private const string GrantedTitle = "政府信息公开申请答复书（予以公开）";

    [Fact]
    public async Task Mail_ReplyByEmail_ReplyPdfDocxAndDocumentsArrive_DeliveryRecorded()
    {
        using var smtp = new SmtpTestServer();
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>(NoDemoCases.Concat(smtp.Settings)));
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var (number, _, casePage) = await ApplyAndConfirmAsync(app, applicant, officer, ("Input.Email", "zhao@example.com"));
        await smtp.WaitForAsync(1); // the receipt

        // The form offers e-mail first for an applicant who applied online and left an address.
        Assert.Contains("电子邮件：答复后立即将答复书（PDF、Word）和上面的文件发送至 zhao@example.com", await officer.GetTextAsync(casePage));
        using (var reply = await officer.PostMultipartAsync(casePage, casePage + "?handler=Reply",
            [("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"), ("Step.ReplyText", "赵某：\n经审查，予以公开，详见所附名单。"), ("Step.Delivery", "电子邮件")],
            ("Documents", "名单.pdf", Pdf)))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, reply.StatusCode);
        }

        var message = (await smtp.WaitForAsync(2)).Single(m => m.Subject == $"{GrantedTitle}（{number}）");
        Assert.Equal("zhao@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal($"{GrantedTitle}（{number}）", message.Subject);
        Assert.StartsWith("赵某：", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"答复您的政府信息公开申请（申请编号{number}），答复书（PDF和Word两种格式）和随答复提供的1个文件见附件。", message.TextBody);
        var files = message.Attachments.OfType<MimeKit.MimePart>().ToList();
        Assert.Equal([$"{number}-{GrantedTitle}.pdf", $"{number}-{GrantedTitle}.docx", "名单.pdf"], files.Select(f => f.FileName));
        Assert.Contains("经审查，予以公开，详见所附名单。", PdfText(await BytesAsync(files[0])));
        Assert.Contains("经审查，予以公开，详见所附名单。", CaseStepTests.DocxText(await BytesAsync(files[1])));
        Assert.Equal(Pdf, await BytesAsync(files[2]));

        var page = await officer.GetTextAsync(casePage);
        Assert.Contains("答复书和文件已通过电子邮件发送给申请人，并记录送达。", page);
        Assert.Contains("送达（电子邮件）", page);
        Assert.Contains($"<dt>送达日期</dt><dd>{Gongkai.Domain.Text.DateText.Long(Today(app))}</dd>", page);
    }

    [Fact]
    public async Task Mail_DeliverByEmailLater_SendsTheReply_NoAddressIsRefusedAtTheField()
    {
        using var smtp = new SmtpTestServer();
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>(NoDemoCases.Concat(smtp.Settings)));
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var (number, _, casePage) = await ApplyAndConfirmAsync(app, applicant, officer, ("Input.Email", "zhao@example.com"));
        await smtp.WaitForAsync(1);

        // Replied for another method: nothing is sent and nothing delivered, until the 送达 by e-mail is recorded.
        await StepAsync(officer, casePage, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"), ("Step.Delivery", "其他"));
        Assert.DoesNotContain("送达（", await officer.GetTextAsync(casePage));
        var html = await StepAsync(officer, casePage, "Deliver", ("Step.Date", Iso(Today(app))), ("Step.Reason", "电子邮件"));
        Assert.Contains("已通过电子邮件发送答复书和文件，并记录送达。", html);
        var message = (await smtp.WaitForAsync(2)).Single(m => m.Subject == $"{GrantedTitle}（{number}）");
        Assert.Equal([$"{number}-{GrantedTitle}.pdf", $"{number}-{GrantedTitle}.docx"], message.Attachments.OfType<MimeKit.MimePart>().Select(f => f.FileName));

        // An application in person with no address: e-mail is refused, beside the field, and nothing is recorded.
        var inPerson = await RegisterAsync(officer, arrived: Today(app));
        html = await StepAsync(officer, inPerson, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"), ("Step.Delivery", "电子邮件"));
        Assert.Contains("未记录：送达方式：申请人没有留下电子邮箱，不能以电子邮件送达；请选择其他方式，答复后另行记录送达", html);
        Assert.Contains("办理中", html);
        await StepAsync(officer, inPerson, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"));
        html = await StepAsync(officer, inPerson, "Deliver", ("Step.Date", Iso(Today(app))), ("Step.Reason", "电子邮件"));
        Assert.Contains("未记录：送达方式：申请人没有留下电子邮箱，不能以电子邮件送达；请选择其他送达方式", html);
        Assert.DoesNotContain("送达（", html);
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Fact]
    public async Task Mail_FilesOverTheMailLimit_AreRefusedAtTheDeliveryField_NothingRecordedOrSent_OtherMethodsStillWork()
    {
        using var smtp = new SmtpTestServer();
        var settings = NoDemoCases.Concat(smtp.Settings).Append(new("Mail:MaxAttachmentMegabytes", "1"));
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>(settings));
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var (_, _, casePage) = await ApplyAndConfirmAsync(app, applicant, officer, ("Input.Email", "zhao@example.com"));
        await smtp.WaitForAsync(1); // the receipt

        // A scanned list of 1.5 MB: the form says the limit, and 电子邮件 is refused at 送达方式 before anything is recorded.
        var large = Pdf.Concat(Enumerable.Repeat((byte)' ', (3 * 1024 * 1024 / 2) - Pdf.Length)).ToArray();
        Assert.Contains("以电子邮件发送的文件合计不能超过 1 MB（邮件服务器的上限），超过时请选择其他方式。", await officer.GetTextAsync(casePage));
        using (var reply = await officer.PostMultipartAsync(casePage, casePage + "?handler=Reply",
            [("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"), ("Step.ReplyText", "赵某：\n经审查，予以公开，详见所附名单。"), ("Step.Delivery", "电子邮件")],
            ("Documents", "名单.pdf", large)))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, reply.StatusCode);
        }

        var page = await officer.GetTextAsync(casePage);
        Assert.Contains("未记录：送达方式：随答复提供的文件共1.5 MB，超过电子邮件附件的上限（1 MB），邮件发不出去；请选择其他方式，答复后另行记录送达", page);
        Assert.Contains("办理中", page);

        // Replied for another method, the 送达 by e-mail is refused in turn (the 答复书 counted too); 邮寄 is recorded.
        using (var reply = await officer.PostMultipartAsync(casePage, casePage + "?handler=Reply",
            [("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"), ("Step.ReplyText", "赵某：\n经审查，予以公开，详见所附名单。"), ("Step.Delivery", "其他")],
            ("Documents", "名单.pdf", large)))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, reply.StatusCode);
        }

        var html = await StepAsync(officer, casePage, "Deliver", ("Step.Date", Iso(Today(app))), ("Step.Reason", "电子邮件"));
        Assert.Matches(@"未记录：送达方式：答复书和随答复提供的文件共1\.\d MB，超过电子邮件附件的上限（1 MB），邮件发不出去；请选择其他送达方式（如在线查询下载、邮寄、当面）", html);
        Assert.DoesNotContain("送达（", html);
        html = await StepAsync(officer, casePage, "Deliver", ("Step.Date", Iso(Today(app))), ("Step.Reason", "邮寄"));
        Assert.Contains("送达（邮寄）", html);
        Assert.Single(smtp.Messages);
    }

    private static async Task<byte[]> BytesAsync(MimeKit.MimePart part)
    {
        using var bytes = new MemoryStream();
        await part.Content!.DecodeToAsync(bytes);
        return bytes.ToArray();
    }
}
