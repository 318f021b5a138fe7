using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Calendar;
using Gongkai.Data.Supervision;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Gongkai.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Application.Supervision;

/// <summary>The supervising office's use cases (issue #12, 4): read-only views of a subtree of agencies.</summary>
public static class SupervisionServices
{
    /// <summary>Registers them; the deadlines Art. 49 leaves open are <see cref="ReportDeadlines"/> (registered by the host, default when not).</summary>
    public static IServiceCollection AddSupervisionUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton(new ReportDeadlines());
        return services
            .AddScoped<ShowSupervisionDashboard>()
            .AddScoped<ShowSupervisedAgency>()
            .AddScoped<RollUpReports>()
            .AddScoped<CurrentDate>()
            .AddScoped<WriteReviewLetter>()
            .AddScoped<WriteRegionSummary>()
            .AddScoped<UploadPublishedReports>()
            .AddScoped<ShowReportUpload>()
            .AddScoped<ConfirmReportUpload>();
    }
}

/// <summary>The year and agencies a supervising office looks at.</summary>
public static class SupervisionScope
{
    /// <summary>The first report year of the 2019 Regulation.</summary>
    public const int FirstYear = 2019;

    /// <summary>The year whose reports are due now: reports of year Y fall due in January–March of Y+1 (Art. 49), so the previous year.</summary>
    public static int DefaultYear(DateOnly today) => today.Year - 1;

    /// <summary>A report year the office can ask for: 2019 to this year.</summary>
    public static Refused? CheckYear(int year, DateOnly today) =>
        year < FirstYear || year > today.Year
            ? new Refused(string.Create(CultureInfo.InvariantCulture, $"报告年度 {year} 无效：应为{FirstYear}年至{today.Year}年之间的年度"), "年度")
            : null;

    /// <summary>The subtree of <paramref name="rootId"/>, or NotFound.</summary>
    public static async Task<Result<IReadOnlyList<TreeAgency>>> SubtreeAsync(GongkaiDbContext db, int rootId, CancellationToken cancellationToken)
    {
        var tree = await AgencyTree.SubtreeAsync(db, rootId, cancellationToken);
        return tree.Count == 0 ? new NotFound("没有这个机关") : Result.Ok(tree);
    }
}

/// <summary>The dashboard request: the supervising agency, the year (default: due now), filters and sort.</summary>
/// <remarks>Sort: null (tree order), name, status, open, overdue or catalog; Status: a code of <see cref="ShowSupervisionDashboard.StatusFilters"/>.</remarks>
public sealed record DashboardRequest(int SupervisingAgencyId, int? Year = null, AgencyKind? Kind = null, string? Status = null, string? Sort = null, bool Descending = false);

/// <summary>The dashboard: rows of the subtree (filtered and sorted) for <see cref="Year"/>, as of <see cref="Today"/>.</summary>
public sealed record Dashboard(TreeAgency Root, int Year, DateOnly Today, IReadOnlyList<DashboardRow> Rows, int AgencyCount);

/// <summary>Shows the dashboard of a subtree: report standing, open and overdue applications, overdue catalogue items per agency.</summary>
public sealed class ShowSupervisionDashboard(GongkaiDbContext db, TimeProvider clock, ReportDeadlines deadlines)
{
    /// <summary>The status codes a filter takes (<see cref="ReportStanding.Code"/>).</summary>
    public static IReadOnlyList<(string Code, string Label)> StatusFilters { get; } =
        [("not-started", "未开始"), ("draft", "草稿"), ("errors", "已检查有错误"), ("published", "已发布"), ("late", "逾期")];

    public async Task<Result<Dashboard>> ExecuteAsync(DashboardRequest request, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var year = request.Year ?? SupervisionScope.DefaultYear(today);
        if (SupervisionScope.CheckYear(year, today) is { } refused)
        {
            return refused;
        }

        if (request.Status is { Length: > 0 } s && StatusFilters.All(f => f.Code != s))
        {
            return new Refused($"没有“{s}”这种报告状态", "状态");
        }

        var tree = await SupervisionScope.SubtreeAsync(db, request.SupervisingAgencyId, cancellationToken);
        if (tree.Error is { } error)
        {
            return error;
        }

        var calendar = await CalendarStore.LoadAsync(db, cancellationToken);
        var rows = await SupervisionDashboard.LoadAsync(db, tree.Value!, year, today, deadlines, calendar, cancellationToken);
        IEnumerable<DashboardRow> shown = rows;
        if (request.Kind is { } kind)
        {
            shown = shown.Where(r => r.Agency.Kind == kind);
        }

        if (request.Status is { Length: > 0 } status)
        {
            shown = shown.Where(r => r.Report.Code == status);
        }

        shown = (request.Sort, request.Descending) switch
        {
            ("status", false) => shown.OrderBy(r => r.Report.State).ThenBy(r => r.Report.Errors),
            ("status", true) => shown.OrderByDescending(r => r.Report.State).ThenByDescending(r => r.Report.Errors),
            ("open", false) => shown.OrderBy(r => r.OpenCases),
            ("open", true) => shown.OrderByDescending(r => r.OpenCases),
            ("overdue", false) => shown.OrderBy(r => r.OverdueCases),
            ("overdue", true) => shown.OrderByDescending(r => r.OverdueCases),
            ("catalog", false) => shown.OrderBy(r => r.OverdueCatalogItems),
            ("catalog", true) => shown.OrderByDescending(r => r.OverdueCatalogItems),
            ("name", false) => shown.OrderBy(r => r.Agency.Name, StringComparer.Ordinal),
            ("name", true) => shown.OrderByDescending(r => r.Agency.Name, StringComparer.Ordinal),
            _ => shown,
        };
        return Result.Ok(new Dashboard(tree.Value![0], year, today, shown.ToList(), rows.Count));
    }
}

/// <summary>One agency as the supervising office sees it: the report's standing and findings, overdue cases and items.</summary>
public sealed record SupervisedAgency(TreeAgency Agency, int Year, DashboardRow Row, IReadOnlyList<Finding> Findings, bool HasReport,
    IReadOnlyList<OverdueCase> OverdueCases, IReadOnlyList<OverdueItem> OverdueItems);

/// <summary>An open application past its Art. 33 reply date.</summary>
public sealed record OverdueCase(string Number, string? Request, DateOnly ReceivedOn, DateOnly? ReplyDue);

/// <summary>A catalogue item not published by its Art. 26 date.</summary>
public sealed record OverdueItem(string IndexNumber, string Title, DateOnly GeneratedOn, DateOnly DueOn);

/// <summary>Shows one agency of the supervising office's subtree (read-only); NotFound outside the subtree.</summary>
public sealed class ShowSupervisedAgency(GongkaiDbContext db, TimeProvider clock, ReportDeadlines deadlines)
{
    /// <summary>At most this many overdue cases and items are listed (the counts are exact).</summary>
    public const int ListLimit = 200;

    public async Task<Result<SupervisedAgency>> ExecuteAsync(int supervisingAgencyId, int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        if (SupervisionScope.CheckYear(year, today) is { } refused)
        {
            return refused;
        }

        var tree = await SupervisionScope.SubtreeAsync(db, supervisingAgencyId, cancellationToken);
        if (tree.Error is { } error)
        {
            return error;
        }

        var agency = tree.Value!.FirstOrDefault(a => a.Id == agencyId);
        if (agency is null)
        {
            return new NotFound("本机关监督范围内没有这个机关");
        }

        var calendar = await CalendarStore.LoadAsync(db, cancellationToken);
        var row = (await SupervisionDashboard.LoadAsync(db, [agency], year, today, deadlines, calendar, cancellationToken))[0];
        var stored = await db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Year == year).Select(r => r.Json).SingleOrDefaultAsync(cancellationToken);
        var report = stored is null ? null : ReportJson.Read(stored).Report;
        var findings = report is null ? [] : ReportChecker.Check(report);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.AgencyId == agencyId && c.ClosedOn == null && c.ReplyDue < today)
            .OrderBy(c => c.ReplyDue).ThenBy(c => c.Number).Take(ListLimit)
            .Select(c => new OverdueCase(c.Number, c.Request, c.ReceivedOn, c.ReplyDue))
            .ToListAsync(cancellationToken);
        var bound = today.AddDays(-CatalogItem.PublicationDeadlineWorkingDays);
        var open = new[] { nameof(CatalogItemStatus.Draft), nameof(CatalogItemStatus.InReview), nameof(CatalogItemStatus.Approved) };
        var items = (await db.CatalogItems.AsNoTracking()
                .Where(i => i.AgencyId == agencyId && open.Contains(i.Status) && i.GeneratedOn < bound)
                .OrderBy(i => i.GeneratedOn).ThenBy(i => i.IndexNumber)
                .Select(i => new { i.IndexNumber, i.Title, i.GeneratedOn })
                .ToListAsync(cancellationToken))
            .Select(i => new OverdueItem(i.IndexNumber, i.Title, i.GeneratedOn, calendar.AddWorkingDays(i.GeneratedOn, CatalogItem.PublicationDeadlineWorkingDays)))
            .Where(i => today > i.DueOn)
            .Take(ListLimit)
            .ToList();
        return Result.Ok(new SupervisedAgency(agency, year, row, findings, report is not null, cases, items));
    }
}

/// <summary>The roll-up request: the supervising agency, the year, and optionally a chosen set of its subtree (default: all of it).</summary>
public sealed record RollupRequest(int SupervisingAgencyId, int Year, IReadOnlyCollection<int>? AgencyIds = null);

/// <summary>A roll-up with the previous year's beside it (null for 2019, the first year of the 2019 Regulation's reports).</summary>
public sealed record RollupComparison(TreeAgency Root, Rollup Current, Rollup? Previous, IReadOnlyList<TreeAgency> Subtree);

/// <summary>Rolls up the reports of the subtree (or chosen agencies of it) for a year and the year before (Art. 50).</summary>
public sealed class RollUpReports(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<Result<RollupComparison>> ExecuteAsync(RollupRequest request, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        if (SupervisionScope.CheckYear(request.Year, today) is { } refused)
        {
            return refused;
        }

        var tree = await SupervisionScope.SubtreeAsync(db, request.SupervisingAgencyId, cancellationToken);
        if (tree.Error is { } error)
        {
            return error;
        }

        var subtree = tree.Value!;
        var chosen = subtree;
        if (request.AgencyIds is { Count: > 0 } ids)
        {
            var outside = ids.Where(id => subtree.All(a => a.Id != id)).ToList();
            if (outside.Count > 0)
            {
                return new Refused("所选机关不在本机关的监督范围内", "机关");
            }

            chosen = subtree.Where(a => ids.Contains(a.Id)).ToList();
        }

        var root = subtree[0];
        var name = chosen.Count == subtree.Count ? $"{root.Name}（含所属机关）" : $"{root.Name}（所选{chosen.Count}个机关）";
        var current = await RegionRollup.BuildAsync(db, chosen, request.Year, name, cancellationToken: cancellationToken);
        var previous = request.Year > SupervisionScope.FirstYear
            ? await RegionRollup.BuildAsync(db, chosen, request.Year - 1, name, cancellationToken: cancellationToken)
            : null;
        return Result.Ok(new RollupComparison(root, current, previous, subtree));
    }
}
