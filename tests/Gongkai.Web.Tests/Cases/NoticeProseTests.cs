using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Data;
using Gongkai.Data.Notices;
using Gongkai.Documents.Notices;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>Every notice reads like an official's: prose without label leaks or doubled stops, 顶格 salutation, Art. 36 content, 救济途径.</summary>
public partial class NoticeProseTests
{
    private const string ReviewBody = "示范区人民政府";
    private const string Court = "示范区人民法院";

    private static readonly Dictionary<string, string?> Values = new()
    {
        ["申请人"] = "王某某",
        ["申请编号"] = "2026-00042",
        ["收到日期"] = "2026年11月2日",
        ["答复期限"] = "2026年11月30日",
        ["答复日期"] = "2026年11月20日",
        // As a case stores it (labels, the applicant's own full stop): the notice must not show either.
        ["所需信息"] = NoticeTemplates.RequestProse("名称：2025年卫生监督抽检结果；文号：示卫发〔2025〕12号；描述：请提供全部抽检结果及处理情况。"),
        ["机关名称"] = "示范区卫生健康局",
        ["办理结果"] = "予以公开",
        ["补正期限"] = "2026年11月16日",
        ["延期天数"] = "20",
        ["收费金额"] = "100",
        ["收费依据"] = "按件计收，本申请是申请人本月第11件申请：11–30件：1件×100元＝100元",
        ["缴费工作日"] = "20",
        ["理由"] = "所需信息涉及多个科室，需要汇总。",
        ["获取方式和途径"] = "随本答复书提供电子文本。",
        ["负责机关名称"] = "示范区市场监督管理局",
        ["负责机关联系方式"] = "0571-87654321。",
        ["复议机关"] = ReviewBody,
        ["人民法院"] = Court,
        ["送达方式"] = "邮寄",
        ["送达日期"] = "2026年11月25日",
    };

    /// <summary>
    /// Every letter to the applicant. The 送达回证 is a form, not a letter (no salutation; blanks for the signatures,
    /// written by hand): ReplyDocumentTests checks its content.
    /// </summary>
    public static TheoryData<string> Kinds => [.. NoticeTemplates.All.Where(k => k.Key != NoticeTemplates.DeliveryReceipt).Select(k => k.Key)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_RendersAsAnOfficialWouldWriteIt(string key)
    {
        var kind = NoticeTemplates.Find(key)!;
        var text = NoticeTemplates.Fill(kind.DefaultBody, Values);

        Assert.DoesNotContain("。。", text);
        Assert.DoesNotContain("”。。", text);
        Assert.DoesNotContain("＿", text);
        Assert.DoesNotMatch("(名称|文号|描述)：", text);
        Assert.Contains("申请获取“2025年卫生监督抽检结果（示卫发〔2025〕12号），请提供全部抽检结果及处理情况”。", text);
        Assert.StartsWith("王某某：\n", text);

        if (key.StartsWith("art36-", StringComparison.Ordinal))
        {
            var item = "一二三四五六七"[int.Parse(key[6..], System.Globalization.CultureInfo.InvariantCulture) - 1];
            Assert.Contains($"第三十六条第（{item}）项", text);
        }

        if (NoticeTemplates.StatesRemedies(key))
        {
            Assert.Contains($"60日内向{ReviewBody}申请行政复议", text);
            Assert.Contains($"6个月内向{Court}提起行政诉讼", text);
            Assert.Contains("第五十一条", text);
        }

        if (kind.Title.Contains("答复书", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("本告知书", text);
            Assert.Contains("本答复书", text);
        }

        // The DOCX: the salutation is flush left (顶格), the other paragraphs keep the body's two-character indent.
        var docx = NoticeDocx.Render(kind.Title, text, "示范区卫生健康局", new DateOnly(2026, 11, 20));
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
            var salutation = paragraphs[1];
            Assert.Equal("王某某：", salutation.InnerText);
            Assert.Equal("0", salutation.ParagraphProperties?.Indentation?.FirstLine?.Value);
            Assert.Null(paragraphs[2].ParagraphProperties?.Indentation);
        }

        // The PDF: the same words, the fonts embedded.
        var pdf = NoticePdf.Render(kind.Title, NoticeDocx.Paragraphs(text), "示范区卫生健康局", new DateOnly(2026, 11, 20));
        Assert.NotNull(pdf);
        var pdfText = ApplicantSideTests.PdfText(pdf);
        Assert.Contains(Regex.Replace(kind.Title, "\\s", string.Empty), pdfText);
        Assert.Contains("2026年11月20日", pdfText);
        if (NoticeTemplates.StatesRemedies(key))
        {
            Assert.Contains(Court, pdfText);
        }
    }

    [Theory]
    [InlineData("名称：年度预算", "年度预算")]
    [InlineData("描述：请提供全部抽检结果。", "请提供全部抽检结果")]
    [InlineData("名称：某文件；文号：某发〔2025〕1号", "某文件（某发〔2025〕1号）")]
    [InlineData("文号：某发〔2025〕1号；描述：及其附件", "某发〔2025〕1号，及其附件")]
    [InlineData("手写的申请内容。", "手写的申请内容")]
    public void RequestProse_DropsLabelsAndClosingStop(string stored, string expected) =>
        Assert.Equal(expected, NoticeTemplates.RequestProse(stored));

    [Fact]
    public async Task Notice_NamesTheReviewBodyAndCourtSetByTheAdministrator_AlsoAsPdf()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        using var saved = await admin.PostFormAsync("/staff/admin/settings", "/staff/admin/settings",
            ("Guide.OfficeName", "示范区卫生健康局办公室"), ("Guide.ReviewBody", ReviewBody), ("Guide.Court", Court));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await admin.GetTextAsync("/staff/admin/settings");
        Assert.Contains($"value=\"{ReviewBody}\"", settings);
        Assert.Contains("未设置发信服务器，不发送电子邮件", settings);

        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var page = await RegisterAsync(officer, arrived: Today(app));
        await StepAsync(officer, page, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "NotHeld"));
        var html = await StepAsync(officer, page, "Notice", ("kind", "art36-4"));
        var link = Regex.Match(html, "href=\"(/staff/cases/\\d+/notices/\\d+)\"").Groups[1].Value;

        using var docx = await officer.GetAsync(link);
        var text = CaseStepTests.DocxText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("申请获取“2025年卫生监督抽检结果”。", text);
        Assert.Contains($"60日内向{ReviewBody}申请行政复议", text);
        Assert.Contains($"6个月内向{Court}提起行政诉讼", text);
        using var pdf = await officer.GetAsync(link + "?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Court, ApplicantSideTests.PdfText(await pdf.Content.ReadAsByteArrayAsync()));
    }
}
