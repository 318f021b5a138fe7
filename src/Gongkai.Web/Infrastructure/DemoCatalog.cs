using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The demo agency's proactive disclosure, made through the same stores an office uses: catalogue items of the past
/// months taken through the default review chain and published (one with an attachment), one in review, one approved
/// and waiting, one draft past its Art. 26 date; a few normative documents (one repealed); and last year's and this
/// year's Art. 20 figures. Deterministic for a given day; runs once, when the demo agency was just created.
/// </summary>
public static class DemoCatalog
{
    private static readonly (string Category, string Title, string Summary, PublicationChannel[] Channels)[] Items =
    [
        ("art20-02", "示范县卫生健康局机构职能", "本局的主要职责、内设机构、办公地址、办公时间和联系方式。", [PublicationChannel.GovernmentWebsite]),
        ("art20-01", "关于印发《示范县医疗机构校验管理办法》的通知", "明确医疗机构校验的条件、程序和期限。", [PublicationChannel.GovernmentWebsite, PublicationChannel.GovernmentGazette]),
        ("art20-07", "示范县卫生健康局部门预算", "本年度部门收支预算总表、财政拨款支出预算表及说明。", [PublicationChannel.GovernmentWebsite]),
        ("art20-13", "第一季度公共场所卫生监督抽检结果", "对全区游泳场所、住宿场所的抽检结果。", [PublicationChannel.GovernmentWebsite, PublicationChannel.NewMedia]),
        ("art20-06", "行政处罚决定公示（第一批）", "本局作出的行政处罚决定，含违法事实、处罚依据和结果。", [PublicationChannel.GovernmentWebsite]),
        ("art20-12", "示范县突发公共卫生事件应急预案", "预案的适用范围、组织体系、监测预警和应急响应。", [PublicationChannel.GovernmentWebsite, PublicationChannel.NoticeBoard]),
        ("art20-11", "秋冬季流感疫苗预防接种门诊公告", "全区预防接种门诊名单、开放时间和咨询电话。", [PublicationChannel.GovernmentWebsite, PublicationChannel.NewMedia]),
        ("art20-14", "示范县卫生健康系统公开招聘工作人员公告", "招聘岗位、条件、报名时间和方式。", [PublicationChannel.GovernmentWebsite]),
        ("art20-05", "医疗机构执业登记办事指南", "办理条件、所需材料、办理流程和时限。", [PublicationChannel.GovernmentWebsite, PublicationChannel.NoticeBoard]),
    ];

    public static async Task SeedAsync(GongkaiDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync(cancellationToken);
        if (await db.CatalogItems.AnyAsync(i => i.AgencyId == agency.Id, cancellationToken))
        {
            return;
        }

        var calendar = await CalendarStore.LoadAsync(db, cancellationToken);
        var store = new CatalogStore(db, calendar, clock);
        var today = CaseWorkspace.Today(clock);
        var actor = DemoCases.Actor;
        for (var i = 0; i < Items.Length; i++)
        {
            var (category, title, summary, channels) = Items[i];
            var generated = today.AddDays(-25 * (Items.Length - i));
            var published = calendar.AddWorkingDays(generated, i % 4 == 3 ? 25 : 3 + i); // one in four published late (Art. 26)
            if (await store.AddAsync(new NewCatalogItem(agency.Id, title, summary, generated, category,
                    DocumentNumber: i == 1 ? "示卫规〔" + today.Year.ToString(CultureInfo.InvariantCulture) + "〕1号" : null, Channels: channels, Actor: actor), cancellationToken) is not { Value: { } saved })
            {
                continue;
            }

            if (i == 2)
            {
                await store.AddAttachmentAsync(agency.Id, saved.Item.IndexNumber, "部门预算表.pdf", DemoPdf(title), actor, cancellationToken: cancellationToken);
            }

            await ReviewAsync(store, agency.Id, saved.Item.IndexNumber, actor, steps: int.MaxValue, cancellationToken);
            await store.PublishAsync(agency.Id, saved.Item.IndexNumber, actor, published > today ? today : published, cancellationToken: cancellationToken);
        }

        var waiting = await store.AddAsync(new NewCatalogItem(agency.Id, "第三季度医疗机构不良执业行为记分情况", "记分的医疗机构、记分事由和分值。", today.AddDays(-6), "art20-13", Actor: actor), cancellationToken);
        if (waiting.Value is { } w)
        {
            await ReviewAsync(store, agency.Id, w.Item.IndexNumber, actor, steps: 1, cancellationToken);
        }

        var approved = await store.AddAsync(new NewCatalogItem(agency.Id, "示范县卫生健康事业发展统计公报", "年度卫生资源、医疗服务和公共卫生主要指标。", today.AddDays(-10), "art20-04", Actor: actor), cancellationToken);
        if (approved.Value is { } a)
        {
            await ReviewAsync(store, agency.Id, a.Item.IndexNumber, actor, steps: int.MaxValue, cancellationToken);
        }

        await store.AddAsync(new NewCatalogItem(agency.Id, "基层医疗卫生机构绩效考核结果", "各社区卫生服务中心的考核得分和等次。", today.AddDays(-50), "art20-13", Actor: actor), cancellationToken);

        var register = new NormativeDocumentStore(db);
        var year = today.Year;
        await register.AddAsync(agency.Id, new NormativeDocument(NormativeDocumentKind.NormativeDocument, "示范县医疗机构校验管理办法", "示卫规〔" + year.ToString(CultureInfo.InvariantCulture) + "〕1号",
            today.AddDays(-25 * (Items.Length - 1)), today.AddDays(-25 * (Items.Length - 1)).AddDays(3), null), cancellationToken: cancellationToken);
        await register.AddAsync(agency.Id, new NormativeDocument(NormativeDocumentKind.NormativeDocument, "示范县家庭医生签约服务管理规定", "示卫规〔" + (year - 2).ToString(CultureInfo.InvariantCulture) + "〕2号",
            new DateOnly(year - 2, 5, 10), new DateOnly(year - 2, 5, 12), null), cancellationToken: cancellationToken);
        await register.AddAsync(agency.Id, new NormativeDocument(NormativeDocumentKind.NormativeDocument, "示范县公共场所卫生许可实施细则", "示卫规〔" + (year - 4).ToString(CultureInfo.InvariantCulture) + "〕1号",
            new DateOnly(year - 4, 3, 1), new DateOnly(year - 4, 3, 5), today.AddDays(-40)), cancellationToken: cancellationToken);

        var figures = new Article20FigureStore(db, clock);
        foreach (var y in new[] { year - 1, year })
        {
            var k = 0;
            foreach (var (key, _, fields) in Article20FigureRows.All)
            {
                k++;
                var n = 3 + (k * 7 % 11) + (y == year ? 1 : 0);
                await figures.SetAsync(agency.Id, new Article20Figure(key, y,
                    fields.HasFlag(Article20Fields.Items) ? n : null,
                    fields.HasFlag(Article20Fields.Decisions) ? n * 12 : null,
                    fields.HasFlag(Article20Fields.Projects) ? n : null,
                    fields.HasFlag(Article20Fields.AmountYuan) ? n * 10_500m : null), cancellationToken);
            }
        }
    }

    private static async Task ReviewAsync(CatalogStore store, int agencyId, string indexNumber, string actor, int steps, CancellationToken cancellationToken)
    {
        var step = await store.SubmitAsync(agencyId, indexNumber, actor, cancellationToken: cancellationToken);
        for (var k = 0; k < steps && step.Value is { Item.Status: CatalogItemStatus.InReview }; k++)
        {
            step = await store.DecideAsync(agencyId, indexNumber, approve: true, actor, role: null, cancellationToken: cancellationToken);
        }
    }

    /// <summary>A one-page PDF whose text names the item (enough for a browser's viewer to open).</summary>
    /// <summary>
    /// The file attached to a demo document: the document itself as a Word file, or as a PDF (embedded fonts) for those
    /// marked so (the government's own), laid out like the office's letters; the file name is the title.
    /// </summary>
    public static (string FileName, byte[] Content)? Attachment(Gongkai.Data.Demo.DemoDocument document, string agency, DateOnly date)
    {
        var body = string.Join("\n", document.Paragraphs);
        var name = document.Title.Replace('《', '“').Replace('》', '”');
        // PDFs embed subsets of two large fonts: made for the government's own documents only, to keep the first start fast.
        if (document.Pdf && agency == Gongkai.Data.Demo.DemoGovernment.RootName && Gongkai.Documents.Notices.NoticePdf.Render(document.Title, Gongkai.Documents.Notices.NoticeDocx.Paragraphs(body), agency, date) is { } pdf)
        {
            return (name + ".pdf", pdf);
        }

        return (name + ".docx", Gongkai.Documents.Notices.NoticeDocx.Render(document.Title, body, agency, date));
    }

    private static byte[] DemoPdf(string title) => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% demo: " + title.Length.ToString(CultureInfo.InvariantCulture) + "\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
