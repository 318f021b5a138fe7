using Gongkai.Data;
using Gongkai.Data.Portal;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Portal;

/// <summary>
/// The demo agency's 政府信息公开制度 and a demo footer (marked as an example, so nobody mistakes it for a real
/// registration), so the portal looks like a working government site. Runs once, when the demo agency was just created.
/// </summary>
public static class DemoPortal
{
    private static readonly (string Title, string? Number, int MonthsAgo, string Body)[] Rules =
    [
        ("示范县卫生健康局政府信息主动公开工作制度", "示卫办〔{0}〕3号", 20,
            "第一条 为规范本局政府信息主动公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度。\n\n第二条 本局应当主动公开条例第十九条、第二十条规定的政府信息，并按照政府信息公开目录编制索引号、分类和文号。\n\n第三条 属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内予以公开。\n\n第四条 公开前应当依照条例第十七条进行保密审查，经科室负责人、分管领导审核，主要负责人签发。"),
        ("示范县卫生健康局政府信息依申请公开办理规定", "示卫办〔{0}〕4号", 20,
            "第一条 本局政府信息公开办公室统一受理政府信息公开申请。\n\n第二条 能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。\n\n第三条 申请内容不明确的，在收到申请之日起7个工作日内一次性告知申请人作出补正。"),
        ("示范县卫生健康局政府信息公开保密审查制度", null, 14,
            "一、本局拟公开的政府信息，由承办科室依照《中华人民共和国保守国家秘密法》及其他法律、法规和国家有关规定进行审查。\n\n二、不能确定政府信息是否可以公开的，应当依照法律、法规和国家有关规定报有关主管部门或者保密行政管理部门确定。\n\n三、审查意见记录在案，与公开的政府信息一并存档。"),
        ("示范县卫生健康局政府信息公开工作考核和责任追究办法", "示卫办〔{0}〕1号", 8,
            "第一条 本局将政府信息公开工作纳入科室年度绩效考核。\n\n第二条 考核内容包括主动公开的及时性、依申请公开的办理质量、年度报告的编制和公布情况。\n\n第三条 不依法履行政府信息公开职能的，依照条例第五十三条追究责任。"),
    ];

    public static async Task SeedAsync(GongkaiDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync(cancellationToken);
        if (await db.DisclosureRules.AnyAsync(r => r.AgencyId == agency.Id, cancellationToken))
        {
            return;
        }

        var store = new PortalStore(db, clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var (title, number, monthsAgo, body) in Rules)
        {
            var issued = today.AddMonths(-monthsAgo);
            var numbered = number is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, number, issued.Year);
            await store.AddRuleAsync(agency.Id, new DisclosureRuleText(title, numbered, issued, body), cancellationToken);
        }

        if ((await store.SiteSettingsAsync(cancellationToken)).HostName is null)
        {
            await store.SaveSiteSettingsAsync(new SiteSettings(
                HostName: agency.Name + "（示例）",
                Contact: "0000-12345678（示例）",
                SiteCode: "0000000000",
                IcpNumber: "示ICP备00000000号（示例）",
                IcpUrl: "https://beian.miit.gov.cn/",
                PoliceNumber: "示公网安备00000000000000号（示例）",
                PoliceUrl: "https://beian.mps.gov.cn/"), cancellationToken);
        }
    }
}
