using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// What a first start puts into an empty database so that Gongkai can be tried at once: a demo agency (a district
/// health bureau, kind <c>department</c>: its report is due 31 January, Art. 49), three departments (承办科室) and
/// its 指南 (Art. 12). Nothing is added to a database that already has an agency.
/// </summary>
public static class DemoData
{
    public const string AgencyCode = "SFQ-WJJ";

    public const string AgencyName = "示范区卫生健康局";

    public static IReadOnlyList<string> Departments { get; } = ["办公室", "医政医管科", "疾病预防控制科"];

    /// <summary>
    /// Seeds the demo agency when the database has none; returns true when it did. Called inside the start-up
    /// transaction. Hook: a year of realistic demo cases (through <c>Gongkai.Data.Cases.CaseStore</c>) belongs here.
    /// </summary>
    public static async Task<bool> SeedAsync(GongkaiDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Agencies.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var agency = new AgencyRecord { Code = AgencyCode, Name = AgencyName, Kind = "department", CreatedAt = now };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var name in Departments)
        {
            db.Departments.Add(new DepartmentRecord { AgencyId = agency.Id, Name = name });
        }

        db.AgencyGuides.Add(new AgencyGuideRecord
        {
            AgencyId = agency.Id,
            OfficeName = "示范区卫生健康局政府信息公开工作办公室",
            Address = "示范区人民路1号卫生健康局3楼301室（邮编：100000）",
            OfficeHours = "工作日上午9:00—12:00，下午14:00—17:30（法定节假日除外）",
            Phone = "010-12345678",
            Fax = "010-12345679",
            OnlineChannel = "本网站“在线申请”栏目",
            ReviewBody = "示范区人民政府",
            Court = "示范区人民法院",
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
