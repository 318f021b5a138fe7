using Gongkai.Data.Calendar;
using Gongkai.Data.Cases;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Data.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Demo;

/// <summary>How a demo agency's annual report for last year stands, so the supervising office's pages show something real.</summary>
public enum DemoReport
{
    /// <summary>Published in January, before the Art. 49 date.</summary>
    OnTime,

    /// <summary>Published in February: after 31 January (Art. 49).</summary>
    Late,

    /// <summary>Saved as a draft, not published.</summary>
    Draft,

    /// <summary>Published on time with figures that do not add up (三（七）总计 ≠ the sum of the results).</summary>
    Inconsistent,
}

/// <summary>An agency of the demo government: code, name, kind, how many applications a year, what people ask it for.</summary>
public sealed record DemoAgency(string Code, string Name, string Kind, int CasesPerYear, DemoReport Report, string[] Topics, string[] Items);

/// <summary>
/// The demo government (issue #12): 示范县人民政府 with fifteen departments and five towns, each with two years of
/// records — applications from the one case generator (<see cref="CaseGenerator"/>) in a realistic outcome mix,
/// imported per agency in one transaction (bulk), a few published catalogue items, last year's annual report (most
/// published in January, two late, one a draft, one with figures that do not add up; the health bureau, whose
/// detailed demo is made step by step elsewhere, has none yet).
/// </summary>
public static class DemoGovernment
{
    public const string RootCode = "sfx";

    public const string RootName = "示范县人民政府";

    /// <summary>Who the demo records were made by.</summary>
    public const string Actor = "示范数据";

    /// <summary>The root first, then the departments and the towns (the health bureau, <c>wjj</c>, is made with the detailed demo).</summary>
    public static IReadOnlyList<DemoAgency> Agencies { get; } =
    [
        new(RootCode, RootName, "government", 110, DemoReport.OnTime, ["县政府常务会议纪要", "征地补偿安置方案", "政府投资项目审批", "财政预决算"], ["示范县人民政府工作报告", "示范县国民经济和社会发展统计公报"]),
        new("jyj", "示范县教育局", "department", 30, DemoReport.OnTime, ["学校招生划片范围", "教师招聘结果", "校车安全管理", "民办学校审批"], ["义务教育学校招生入学工作方案", "教育收费项目及标准"]),
        new("gaj", "示范县公安局", "department", 55, DemoReport.OnTime, ["交通事故认定书", "户籍迁移办理依据", "行政处罚决定", "治安案件处理结果"], ["户籍业务办事指南", "道路交通安全违法行为处理程序"]),
        new("zrzyj", "示范县自然资源局", "department", 85, DemoReport.OnTime, ["土地征收批复", "国有土地使用权出让", "不动产登记资料", "规划许可文件"], ["国土空间总体规划公示", "国有建设用地使用权出让公告"]),
        new("zjj", "示范县住房和城乡建设局", "department", 65, DemoReport.OnTime, ["房屋征收补偿方案", "棚户区改造项目", "建设工程规划许可", "保障性住房分配"], ["保障性租赁住房申请指南", "房屋征收补偿决定公告"]),
        new("sthjj", "示范县生态环境局", "department", 28, DemoReport.OnTime, ["建设项目环评批复", "企业排污许可", "环境监测数据", "环境行政处罚"], ["建设项目环境影响评价文件审批公示", "重点排污单位名录"]),
        new("scjgj", "示范县市场监督管理局", "department", 42, DemoReport.OnTime, ["食品抽检结果", "企业登记档案", "价格违法处罚", "特种设备检验"], ["食品安全监督抽检信息公告", "双随机抽查结果"]),
        new("rsj", "示范县人力资源和社会保障局", "department", 38, DemoReport.OnTime, ["社会保险缴费基数", "工伤认定决定", "事业单位招聘", "劳动保障监察"], ["事业单位公开招聘工作人员公告", "最低工资标准调整通知"]),
        new("jtysj", "示范县交通运输局", "department", 22, DemoReport.Late, ["农村公路建设项目", "道路运输许可", "出租车经营权", "交通工程招标"], ["农村公路养护工程计划", "道路运输经营许可办事指南"]),
        new("nyncj", "示范县农业农村局", "department", 18, DemoReport.OnTime, ["耕地地力保护补贴", "农村宅基地审批", "农机购置补贴", "动物防疫"], ["耕地地力保护补贴发放公示", "农机购置补贴资金使用情况"]),
        new("czj", "示范县财政局", "department", 24, DemoReport.OnTime, ["部门预算公开", "政府采购合同", "专项资金分配", "政府债务"], ["县级财政预算公开说明", "政府采购意向公开"]),
        new("mzj", "示范县民政局", "department", 16, DemoReport.Inconsistent, ["最低生活保障名单", "社会组织登记", "养老服务补贴", "婚姻登记档案"], ["城乡最低生活保障标准", "养老服务机构名录"]),
        new("fgj", "示范县发展和改革局", "department", 14, DemoReport.OnTime, ["固定资产投资项目核准", "价格调整听证", "重大项目清单", "粮食储备"], ["重点建设项目计划", "政府定价目录"]),
        new("yjglj", "示范县应急管理局", "department", 9, DemoReport.OnTime, ["安全生产事故调查报告", "危险化学品经营许可", "应急预案", "安全生产行政处罚"], ["生产安全事故调查报告", "自然灾害救助应急预案"]),
        new("sfj", "示范县司法局", "department", 8, DemoReport.Draft, ["行政复议决定", "法律援助申请", "人民调解协议", "行政执法监督"], ["法律援助办事指南", "行政执法主体清单"]),
        new("cgz", "城关镇人民政府", "town", 18, DemoReport.OnTime, ["征地补偿款发放", "村级财务公开", "低保评议结果", "拆违整治"], ["城关镇财政预算", "城关镇惠民补贴发放情况"]),
        new("dhz", "东河镇人民政府", "town", 10, DemoReport.Late, ["土地承包经营权", "村庄规划", "危房改造补助", "集体资产处置"], ["东河镇村庄规划公示", "农村危房改造补助对象公示"]),
        new("xsz", "西山镇人民政府", "town", 7, DemoReport.OnTime, ["林地征占用", "生态补偿资金", "道路修建补偿", "村级项目"], ["西山镇生态公益林补偿资金发放公示", "西山镇年度工作要点"]),
        new("nhjd", "南湖街道办事处", "town", 14, DemoReport.OnTime, ["社区改造项目", "物业管理纠纷", "老旧小区改造", "人口普查数据"], ["老旧小区改造计划", "南湖街道办事处工作职责"]),
        new("bcjd", "北城街道办事处", "town", 12, DemoReport.OnTime, ["拆迁补偿协议", "社区服务设施", "城市管理执法", "居委会选举"], ["北城街道便民服务指南", "社区服务设施建设项目公示"]),
    ];

    /// <summary>
    /// Seeds the records of every demo agency that has none yet: two years of applications (<paramref name="cases"/>), a
    /// dozen published catalogue items each (<paramref name="catalog"/>: two of its own and one document with real text
    /// in each common category, <see cref="DemoProse"/>, with the file <c>attachment</c> makes — a DOCX or PDF — attached),
    /// and last year's annual reports (with the cases).
    /// </summary>
    public static async Task SeedRecordsAsync(GongkaiDbContext db, TimeProvider clock, bool cases, bool catalog, CancellationToken cancellationToken = default,
        Func<DemoDocument, string, DateOnly, (string FileName, byte[] Content)?>? attachment = null)
    {
        var codes = Agencies.Select(a => a.Code).ToList();
        var ids = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var calendar = await CalendarStore.LoadAsync(db, cancellationToken);
        var today = ChinaTime.Today(clock);
        var last = today.Year - 1;
        for (var i = 0; i < Agencies.Count; i++)
        {
            var demo = Agencies[i];
            if (!ids.TryGetValue(demo.Code, out var id))
            {
                continue;
            }

            if (cases && !await db.Cases.AnyAsync(c => c.AgencyId == id, cancellationToken))
            {
                var rows = Rows(demo, i, today);
                var import = await new LedgerImporter(db, calendar, clock).ImportAsync(id, rows, Actor, "示范台账.xlsx", cancellationToken);
                if (!import.Succeeded)
                {
                    throw new InvalidOperationException($"示范数据无法导入（{demo.Name}）：" + string.Join("; ", import.Errors));
                }

                await ReportAsync(db, id, demo, last, today, cancellationToken);
            }

            if (catalog && !await db.CatalogItems.AnyAsync(c => c.AgencyId == id, cancellationToken))
            {
                await CatalogAsync(db, calendar, clock, id, demo, i, today, attachment, cancellationToken);
            }

            // Nothing of one agency is needed for the next: a change tracker that keeps growing makes each save slower.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Last year's and this year's applications, as far as today: last year's all answered but one here and there, this year's recent ones open.</summary>
    private static List<LedgerRow> Rows(DemoAgency demo, int index, DateOnly today)
    {
        var generator = new CaseGenerator(today.DayNumber + (index * 7919), demo.Topics);
        var rows = new List<LedgerRow>();
        var keptOpen = index % 5 != 0; // one agency in five keeps an application of last year unanswered (overdue)
        foreach (var row in generator.Cases(demo.CasesPerYear, today.Year - 1).Concat(generator.Cases(demo.CasesPerYear * today.DayOfYear / 365, today.Year)))
        {
            if (row.ReceivedOn > today)
            {
                continue;
            }

            var r = row;
            if (r.ClosedOn is null && r.ReceivedOn < today.AddDays(-60))
            {
                r = keptOpen ? r with { ClosedOn = r.ReceivedOn.AddDays(10 + generator.Next(0, 25)), Outcome = generator.NextReplyOutcome() } : r;
                keptOpen = true;
            }

            if (r.ClosedOn is { } closed && closed > today)
            {
                r = r with { ClosedOn = null, Outcome = null };
            }

            rows.Add(r with { RowNumber = rows.Count + 2 });
        }

        return rows;
    }

    /// <summary>Last year's annual report, built from the records as the office would, and published (or not) as planned.</summary>
    private static async Task ReportAsync(GongkaiDbContext db, int id, DemoAgency demo, int year, DateOnly today, CancellationToken cancellationToken)
    {
        if (await db.AnnualReports.AnyAsync(r => r.AgencyId == id && r.Year == year, cancellationToken)
            || await RecordsReportBuilder.BuildAsync(db, id, year, cancellationToken: cancellationToken) is not { } report)
        {
            return;
        }

        report.Sections.Overview ??= $"{year}年，{demo.Name}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。";
        report.Sections.Applications ??= $"{year}年，本机关依法办理政府信息公开申请，均在法定期限内答复。";
        report.Sections.ReviewLitigation ??= $"{year}年，本机关未发生因政府信息公开引起的行政复议、行政诉讼。";
        report.Sections.Problems ??= "工作中仍存在主动公开的及时性有待提高等问题。下一步，将加强培训，规范公开流程。";
        var (due, day) = (demo.Kind == "government" ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31), demo.Code.Length + (demo.Name.Length % 7));
        DateOnly? published = demo.Report switch
        {
            DemoReport.OnTime or DemoReport.Inconsistent => due.AddDays(-(3 + (day * 2))),
            DemoReport.Late => due.AddDays(6 + (day * 2)),
            DemoReport.Draft => null,
        };
        if (published > today)
        {
            published = null;
        }

        if (demo.Report == DemoReport.Inconsistent)
        {
            // A figure typed wrongly: the sum of the results no longer matches 三（七）总计.
            report.Applications[ApplicationRowKeys.Granted, ApplicantColumn.NaturalPerson] = (report.Applications[ApplicationRowKeys.Granted, ApplicantColumn.NaturalPerson] ?? 0) + 3;
        }

        report.PublishedOn = published;
        var at = published is { } p ? new DateTimeOffset(p.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset) : new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset);
        db.AnnualReports.Add(new AnnualReportRecord
        {
            AgencyId = id,
            Year = year,
            Json = ReportJson.Write(report),
            Status = published is null ? "draft" : "published",
            UpdatedAt = at.ToUniversalTime(),
            PublishedAt = published is null ? null : at.ToUniversalTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The agency's published items, written in bulk as the review chain would have left them (drafted, submitted,
    /// approved at each default step, published), with their history and their place in the search index.
    /// </summary>
    private static async Task CatalogAsync(GongkaiDbContext db, IWorkingDayCalendar calendar, TimeProvider clock, int id, DemoAgency demo, int index, DateOnly today,
        Func<DemoDocument, string, DateOnly, (string FileName, byte[] Content)?>? attachment, CancellationToken cancellationToken)
    {
        var categories = (await new CatalogStore(db, calendar, clock).CategoriesAsync(id, cancellationToken)).ToList();
        if (demo.Code == RootCode)
        {
            categories.AddRange(await SubCategoriesAsync(db, id, categories, cancellationToken));
        }
        string[] codes = ["art20-02", "art20-07", "art20-05", "art20-13"];
        var now = clock.GetUtcNow();
        var pattern = IndexNumberPattern.Default;
        var serials = new Dictionary<string, int>(StringComparer.Ordinal);
        var records = new List<CatalogItemRecord>();
        for (var k = 0; k < demo.Items.Length; k++)
        {
            var generated = today.AddDays(-((20 + (index * 11) + (k * 97)) % 400));
            var published = calendar.AddWorkingDays(generated, 2 + ((index + k) % 9));
            published = published > today ? today : published;
            var category = categories.FirstOrDefault(c => c.Code == codes[(index + k) % codes.Length]) ?? categories[0];
            records.Add(Published(demo.Items[k], demo.Items[k] + "的主要内容。", generated, published, category.Id, documentNumber: null));
        }

        var documents = new Dictionary<CatalogItemRecord, DemoDocument>();
        for (var k = 0; k < DemoProse.Documents.Count; k++)
        {
            var document = DemoProse.Documents[k].For(demo.Name, today.Year);
            var generated = today.AddDays(-((7 + (index * 5) + (k * 23)) % 300));
            var published = calendar.AddWorkingDays(generated, 1 + ((index + k) % 7));
            published = published > today ? today : published;
            var code = demo.Code == RootCode && document.Category == "art20-07" ? "sfx-budget-dept" : document.Category;
            var category = categories.FirstOrDefault(c => c.Code == code) ?? categories[0];
            var record = Published(document.Title, string.Join("\n", document.Paragraphs), generated, published, category.Id, document.DocumentNumber);
            records.Add(record);
            documents[record] = document;
        }

        // A published item as the default review chain leaves it (drafted, submitted, approved at each step,
        // published), numbered in the agency's index sequence for the year it was made.
        CatalogItemRecord Published(string title, string summary, DateOnly generated, DateOnly published, int categoryId, string? documentNumber)
        {
            var scope = pattern.Scope(demo.Code, generated);
            var serial = serials[scope] = serials.GetValueOrDefault(scope) + 1;
            return new CatalogItemRecord
            {
                AgencyId = id,
                IndexNumber = pattern.Format(demo.Code, generated, serial),
                IndexScope = scope,
                IndexSerial = serial,
                Title = title,
                Summary = summary,
                GeneratedOn = generated,
                PublishedOn = published,
                DocumentNumber = documentNumber,
                Publisher = demo.Name,
                CategoryId = categoryId,
                Channels = PublicationChannels.Join([PublicationChannel.GovernmentWebsite]),
                Validity = nameof(Validity.Valid),
                Status = nameof(CatalogItemStatus.Published),
                Attachments = DisclosureJson.Attachments([]),
                ReviewChain = DisclosureJson.Chain(ReviewChain.Default),
                Version = ReviewChain.Default.Steps.Count + 3,
                CreatedAt = now,
                UpdatedAt = now,
            };
        }

        db.CatalogItems.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        if (attachment is not null)
        {
            // The files first (their ids name them in each item's list), then the lists: two saves for the agency.
            var files = new List<(CatalogItemRecord Item, CatalogAttachmentRecord File)>();
            foreach (var (record, document) in documents)
            {
                if (attachment(document, demo.Name, record.GeneratedOn) is { } made)
                {
                    var file = new CatalogAttachmentRecord
                    {
                        ItemId = record.Id,
                        Name = AttachmentRules.CleanName(made.FileName),
                        ContentType = AttachmentRules.ContentType(made.FileName),
                        SizeBytes = made.Content.Length,
                        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(made.Content)),
                        Content = made.Content,
                        UploadedBy = Actor,
                        UploadedAt = now,
                    };
                    db.CatalogAttachments.Add(file);
                    files.Add((record, file));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (record, file) in files)
            {
                record.Attachments = DisclosureJson.Attachments([new CatalogAttachment(file.Name, CatalogAttachmentLocation.Of(file.Id))]);
            }
        }

        foreach (var record in records)
        {
            var at = new DateTimeOffset(record.PublishedOn!.Value.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset).ToUniversalTime();
            var sequence = 0;
            db.CatalogItemEvents.Add(new CatalogItemEventRecord { ItemId = record.Id, Sequence = ++sequence, Kind = nameof(CatalogEventKind.Drafted), Actor = Actor, At = at });
            db.CatalogItemEvents.Add(new CatalogItemEventRecord { ItemId = record.Id, Sequence = ++sequence, Kind = nameof(CatalogEventKind.Submitted), Step = 0, StepName = ReviewChain.Default.Steps[0].Name, Role = ReviewChain.Default.Steps[0].Role, Actor = Actor, At = at });
            for (var step = 0; step < ReviewChain.Default.Steps.Count; step++)
            {
                var s = ReviewChain.Default.Steps[step];
                db.CatalogItemEvents.Add(new CatalogItemEventRecord
                {
                    ItemId = record.Id,
                    Sequence = ++sequence,
                    Kind = nameof(CatalogEventKind.Approved),
                    Step = step,
                    StepName = s.Name,
                    Role = s.Role,
                    Actor = Actor,
                    At = at,
                });
            }

            db.CatalogItemEvents.Add(new CatalogItemEventRecord { ItemId = record.Id, Sequence = ++sequence, Kind = nameof(CatalogEventKind.Published), Actor = Actor, At = at, Reason = record.Channels });
            await CatalogSearch.IndexAsync(db, record, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The root government's own sub-categories, to show the tree's depth: 财政预决算 › 预算 › 部门预算, and 决算.</summary>
    private static async Task<List<CatalogCategoryRecord>> SubCategoriesAsync(GongkaiDbContext db, int id, List<CatalogCategoryRecord> categories, CancellationToken cancellationToken)
    {
        var finance = categories.FirstOrDefault(c => c.Code == "art20-07");
        if (finance is null || categories.Any(c => c.Code == "sfx-budget"))
        {
            return [];
        }

        var order = categories.Max(c => c.SortOrder);
        var budget = new CatalogCategoryRecord { AgencyId = id, Code = "sfx-budget", Name = "预算", ParentId = finance.Id, SortOrder = order + 10 };
        var accounts = new CatalogCategoryRecord { AgencyId = id, Code = "sfx-accounts", Name = "决算", ParentId = finance.Id, SortOrder = order + 20 };
        db.CatalogCategories.AddRange(budget, accounts);
        await db.SaveChangesAsync(cancellationToken);
        var department = new CatalogCategoryRecord { AgencyId = id, Code = "sfx-budget-dept", Name = "部门预算", ParentId = budget.Id, SortOrder = order + 30 };
        db.CatalogCategories.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        return [budget, accounts, department];
    }
}
