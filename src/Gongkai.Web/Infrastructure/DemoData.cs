using Gongkai.Application.Agencies;
using Gongkai.Data;
using Gongkai.Data.Demo;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// What a first start puts into an empty database so that Gongkai can be tried at once: the demo government
/// (<see cref="DemoGovernment"/>: 示范县人民政府 with fifteen departments and five towns), whose health bureau
/// (示范县卫生健康局, kind <c>department</c>: its report is due 31 January, Art. 49) carries the detailed demo — three
/// departments (承办科室), its 指南 (Art. 12), cases step by step and a catalogue at every stage. The health bureau is
/// made first, so it is the installation's first agency. Nothing is added to a database that already has an agency.
/// </summary>
public static class DemoData
{
    public const string AgencyCode = "wjj";

    public const string AgencyName = "示范县卫生健康局";

    public static IReadOnlyList<string> Departments { get; } = ["办公室", "医政医管科", "疾病预防控制科"];

    /// <summary>
    /// Seeds the demo government when the database has no agency; returns true when it did. Called inside the start-up
    /// transaction; the records come after it (<see cref="DemoCases"/>, <see cref="DemoCatalog"/>,
    /// <see cref="DemoGovernment.SeedRecordsAsync"/>), each in bulk. With <c>Demo:Government=false</c> the bureau
    /// alone, as the installation's one (root) agency: what an office that runs Gongkai for itself starts with, and
    /// what most tests start from.
    /// </summary>
    public static async Task<bool> SeedAsync(GongkaiDbContext db, TimeProvider clock, bool government = true, CancellationToken cancellationToken = default)
    {
        if (await db.Agencies.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var agency = new AgencyRecord { Code = AgencyCode, Name = AgencyName, Kind = "department", CreatedAt = now, SortOrder = 10, UpdatedBy = DemoGovernment.Actor, UpdatedAt = now, LastChange = "新建" };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);

        // The bureau's own departments first: they keep the ids they had when the bureau was the only demo agency.
        foreach (var name in Departments)
        {
            db.Departments.Add(new DepartmentRecord { AgencyId = agency.Id, Name = name });
        }

        await db.SaveChangesAsync(cancellationToken);

        // The government and its other agencies, in one go: the root, then the rest under it, in the list's order.
        List<AgencyRecord> tree = !government ? [] : DemoGovernment.Agencies
            .Select((a, i) => new AgencyRecord { Code = a.Code, Name = a.Name, Kind = a.Kind, CreatedAt = now, SortOrder = i * 10, UpdatedBy = DemoGovernment.Actor, UpdatedAt = now, LastChange = "新建" })
            .ToList();
        if (tree.Count > 0)
        {
            db.Agencies.Add(tree[0]);
            await db.SaveChangesAsync(cancellationToken);
            agency.ParentId = tree[0].Id;
            foreach (var other in tree.Skip(1))
            {
                other.ParentId = tree[0].Id;
                db.Agencies.Add(other);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var phone = 20;
        foreach (var other in tree)
        {
            db.Departments.Add(new DepartmentRecord { AgencyId = other.Id, Name = "办公室" });
            var guide = AgencyDefaults.Guide(other, now);
            guide.Address = "示范县人民路" + (phone * 3).ToString(System.Globalization.CultureInfo.InvariantCulture) + "号";
            guide.OfficeHours = "工作日上午9:00—12:00，下午14:00—17:30（法定节假日除外）";
            guide.Phone = "010-123456" + (phone++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            db.AgencyGuides.Add(guide);
        }

        db.AgencyGuides.Add(new AgencyGuideRecord
        {
            AgencyId = agency.Id,
            OfficeName = "示范县卫生健康局政府信息公开工作办公室",
            Address = "示范县人民路1号卫生健康局3楼301室（邮编：100000）",
            OfficeHours = "工作日上午9:00—12:00，下午14:00—17:30（法定节假日除外）",
            Phone = "010-12345678",
            Fax = "010-12345679",
            OnlineChannel = "本网站“在线申请”栏目",
            ReviewBody = "示范县人民政府",
            Court = "示范县人民法院",
            Classification = "本机关主动公开的政府信息按机构职能、政策文件、规划计划、行政执法、公共服务、财政信息等类别编排，每条信息标注索引号、名称、内容概述和生成日期。",
            HowToObtain = "主动公开的政府信息可通过本网站、政府公报、档案馆和公共图书馆的政府信息查阅场所获取。\n"
                + "申请获取主动公开以外的政府信息，可通过在线申请、信函或当面提交书面申请；申请内容应包括申请人姓名或名称、身份证明、联系方式，所需政府信息的名称、文号或便于查询的其他特征性描述，以及获取信息的方式和途径（第二十九条）。\n"
                + "本机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复，需要延长的经负责人同意后延长不超过20个工作日（第三十三条）。",
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
