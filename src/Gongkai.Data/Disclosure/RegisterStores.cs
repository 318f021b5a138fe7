using System.Globalization;
using Gongkai.Data.Records;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Disclosure;

/// <summary>An entry of the register with its id and, when a catalogue item published it, that item's 索引号.</summary>
public sealed record RegisterEntry(long Id, NormativeDocument Document, string? CatalogIndexNumber)
{
    /// <summary>Whether it is in force at the end of <paramref name="day"/> (see <see cref="NormativeDocument.InForceOn"/>).</summary>
    public bool InForceOn(DateOnly day) => Document.InForceOn(day);
}

/// <summary>
/// Which entries <see cref="NormativeDocumentStore.ListAsync"/> returns. <paramref name="Year"/>: entries issued, published or
/// repealed in that year (those the year's section 二 counts change with). <paramref name="InForce"/> with
/// <paramref name="On"/>: in force (true) or not (false) at the end of that day.
/// </summary>
public sealed record RegisterFilter(NormativeDocumentKind? Kind = null, int? Year = null, bool? InForce = null, DateOnly? On = null);

/// <summary>The register of 规章 and 规范性文件 (Art. 20(一)).</summary>
public sealed class NormativeDocumentStore(GongkaiDbContext db)
{
    /// <summary>The longest title and 文号 the schema keeps.</summary>
    public const int MaxTitleLength = 500, MaxDocumentNumberLength = 100;

    /// <summary>Registers a document; null when done, else the reason it was refused.</summary>
    public async Task<Error?> AddAsync(int agencyId, NormativeDocument document, string? catalogIndexNumber = null, CancellationToken cancellationToken = default)
    {
        if (Problem(document) is { } problem)
        {
            return new Refused(problem);
        }

        long? itemId = null;
        if (!string.IsNullOrWhiteSpace(catalogIndexNumber))
        {
            var index = catalogIndexNumber.Trim();
            itemId = await db.CatalogItems.Where(i => i.AgencyId == agencyId && i.IndexNumber == index).Select(i => (long?)i.Id).SingleOrDefaultAsync(cancellationToken);
            if (itemId is null)
            {
                return new Refused($"目录中没有索引号为 {index} 的信息");
            }
        }

        db.NormativeDocuments.Add(new NormativeDocumentRecord
        {
            AgencyId = agencyId,
            Kind = document.Kind.Key(),
            Title = document.Title.Trim(),
            DocumentNumber = Clean(document.DocumentNumber),
            IssuedOn = document.IssuedOn,
            PublishedOn = document.PublishedOn,
            RepealedOn = document.RepealedOn,
            CatalogItemId = itemId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The register as the domain sees it.</summary>
    public async Task<IReadOnlyList<NormativeDocument>> LoadAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var rows = await db.NormativeDocuments.AsNoTracking().Where(d => d.AgencyId == agencyId).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    /// <summary>The entries that pass <paramref name="filter"/>, newest first (by 制发日期, then by registration).</summary>
    public async Task<IReadOnlyList<RegisterEntry>> ListAsync(int agencyId, RegisterFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new RegisterFilter();
        var query = db.NormativeDocuments.AsNoTracking().Where(d => d.AgencyId == agencyId);
        if (filter.Kind is { } kind)
        {
            var key = kind.Key();
            query = query.Where(d => d.Kind == key);
        }

        if (filter.Year is { } year)
        {
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            query = query.Where(d => (d.IssuedOn >= start && d.IssuedOn <= end) || (d.PublishedOn >= start && d.PublishedOn <= end)
                || (d.RepealedOn >= start && d.RepealedOn <= end));
        }

        if (filter.InForce is { } inForce)
        {
            var day = filter.On ?? throw new ArgumentException("InForce needs On: in force on which day?", nameof(filter));
            query = inForce
                ? query.Where(d => d.IssuedOn <= day && (d.RepealedOn == null || d.RepealedOn > day))
                : query.Where(d => !(d.IssuedOn <= day && (d.RepealedOn == null || d.RepealedOn > day)));
        }

        var rows = await (from d in query
                          join i in db.CatalogItems.AsNoTracking() on d.CatalogItemId equals i.Id into items
                          from i in items.DefaultIfEmpty()
                          orderby d.IssuedOn descending, d.Id descending
                          select new { Record = d, Index = i == null ? null : i.IndexNumber }).ToListAsync(cancellationToken);
        return rows.Select(r => new RegisterEntry(r.Record.Id, ToDomain(r.Record), r.Index)).ToList();
    }

    /// <summary>One entry of the agency's register; null when there is none with that id.</summary>
    public async Task<RegisterEntry?> FindAsync(int agencyId, long id, CancellationToken cancellationToken = default)
    {
        var row = await (from d in db.NormativeDocuments.AsNoTracking()
                         where d.AgencyId == agencyId && d.Id == id
                         join i in db.CatalogItems.AsNoTracking() on d.CatalogItemId equals i.Id into items
                         from i in items.DefaultIfEmpty()
                         select new { Record = d, Index = i == null ? null : i.IndexNumber }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new RegisterEntry(row.Record.Id, ToDomain(row.Record), row.Index);
    }

    /// <summary>
    /// Corrects an entry: kind, title, 文号 and the three dates, checked as a new entry is (<see cref="NormativeDocument.Problem"/>).
    /// Null when done, else why not (<see cref="Refused"/>, <see cref="Domain.Results.NotFound"/>).
    /// </summary>
    public async Task<Error?> UpdateAsync(int agencyId, long id, NormativeDocument document, CancellationToken cancellationToken = default)
    {
        if (Problem(document) is { } problem)
        {
            return new Refused(problem);
        }

        if (await db.NormativeDocuments.SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Id == id, cancellationToken) is not { } row)
        {
            return Missing(id);
        }

        row.Kind = document.Kind.Key();
        row.Title = document.Title.Trim();
        row.DocumentNumber = Clean(document.DocumentNumber);
        row.IssuedOn = document.IssuedOn;
        row.PublishedOn = document.PublishedOn;
        row.RepealedOn = document.RepealedOn;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// 废止 (Art. 20(一): the register counts 本年废止件数 and 现行有效件数): records the day a document was repealed, not before
    /// it was issued; a document already repealed is refused (correct the date with <see cref="UpdateAsync"/>). Null when done.
    /// </summary>
    public async Task<Error?> RepealAsync(int agencyId, long id, DateOnly on, CancellationToken cancellationToken = default)
    {
        if (await db.NormativeDocuments.SingleOrDefaultAsync(d => d.AgencyId == agencyId && d.Id == id, cancellationToken) is not { } row)
        {
            return Missing(id);
        }

        if (row.RepealedOn is { } already)
        {
            return new Refused(string.Create(CultureInfo.InvariantCulture, $"该文件已于{DateText.Iso(already)}废止，不能再次废止（如日期有误，请修改废止日期）"));
        }

        if ((ToDomain(row) with { RepealedOn = on }).Problem() is { } problem)
        {
            return new Refused(problem);
        }

        row.RepealedOn = on;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Deletes an entry registered by mistake (a duplicate, a document that is not a 规章 or 规范性文件): it would otherwise be
    /// counted in section 二. A document that was in force and is no longer is repealed (<see cref="RepealAsync"/>), not deleted.
    /// </summary>
    public async Task<Error?> RemoveAsync(int agencyId, long id, CancellationToken cancellationToken = default)
    {
        var removed = await db.NormativeDocuments.Where(d => d.AgencyId == agencyId && d.Id == id).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? Missing(id) : null;
    }

    /// <summary>What the domain refuses (title, the order of the dates), and what the columns cannot hold.</summary>
    private static string? Problem(NormativeDocument document) =>
        document.Problem()
        ?? (document.Title.Trim().Length > MaxTitleLength ? $"文件名称不能超过{MaxTitleLength}字"
        : Clean(document.DocumentNumber)?.Length > MaxDocumentNumberLength ? $"文号不能超过{MaxDocumentNumberLength}字"
        : null);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static NotFound Missing(long id) => new(string.Create(CultureInfo.InvariantCulture, $"登记簿中没有编号为 {id} 的文件"));

    internal static NormativeDocument ToDomain(NormativeDocumentRecord d) =>
        new(NormativeDocumentKinds.Parse(d.Kind)!.Value, d.Title, d.DocumentNumber, d.IssuedOn, d.PublishedOn, d.RepealedOn);
}

/// <summary>The Art. 20 figures entered per year (许可, 其他对外管理服务事项, 处罚, 强制, 收费, 集中采购).</summary>
public sealed class Article20FigureStore(GongkaiDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Sets the given fields of a row for a year (fields left null keep what was stored). Null when done, else why not (<see cref="Refused"/>).
    /// </summary>
    public Task<Error?> SetAsync(int agencyId, Article20Figure figure, CancellationToken cancellationToken = default) =>
        ImportAsync(agencyId, [figure], cancellationToken);

    /// <summary>Stores every figure of an import, replacing the fields it gives, in one transaction (all or nothing).</summary>
    public async Task<Error?> ImportAsync(int agencyId, IReadOnlyList<Article20Figure> figures, CancellationToken cancellationToken = default)
    {
        // Every figure is checked before any is written; one SaveChanges is then one transaction.
        if (figures.Select(Check).FirstOrDefault(p => p is not null) is { } problem)
        {
            return new Refused(problem);
        }

        // A row that gives no field (a template's blank row) replaces nothing and adds no empty row.
        foreach (var figure in figures.Where(f => f.Items is not null || f.Decisions is not null || f.Projects is not null || f.AmountYuan is not null))
        {
            await UpsertAsync(agencyId, figure, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Stores a year's figures exactly as given, in one transaction (all or nothing): a field left null is blank afterwards,
    /// a row with no field is removed. Rows not given keep what was stored. Null when done, else why not (<see cref="Refused"/>).
    /// </summary>
    public async Task<Error?> SaveYearAsync(int agencyId, int year, IReadOnlyList<Article20Figure> figures, CancellationToken cancellationToken = default)
    {
        foreach (var figure in figures)
        {
            if (figure.Year != year)
            {
                throw new ArgumentException("Every figure must be of the year saved.", nameof(figures));
            }

            if (Check(figure) is { } problem)
            {
                return new Refused(problem);
            }
        }

        var keys = figures.Select(f => f.RowKey).ToList();
        var stored = await db.Article20Figures.Where(f => f.AgencyId == agencyId && f.Year == year && keys.Contains(f.RowKey)).ToListAsync(cancellationToken);
        foreach (var figure in figures)
        {
            var row = stored.FirstOrDefault(f => f.RowKey == figure.RowKey);
            var empty = figure.Items is null && figure.Decisions is null && figure.Projects is null && figure.AmountYuan is null;
            if (empty)
            {
                if (row is not null)
                {
                    db.Article20Figures.Remove(row);
                }

                continue;
            }

            if (row is null)
            {
                row = new Article20FigureRecord { AgencyId = agencyId, Year = year, RowKey = figure.RowKey };
                db.Article20Figures.Add(row);
            }

            row.Items = figure.Items;
            row.Decisions = figure.Decisions;
            row.Projects = figure.Projects;
            row.AmountYuan = figure.AmountYuan;
            row.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The figures of the year and the year before (the 2019 format derives 上一年项目数量 and 本年增/减 from it).</summary>
    public async Task<IReadOnlyList<Article20Figure>> LoadAsync(int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var rows = await db.Article20Figures.AsNoTracking().Where(f => f.AgencyId == agencyId && (f.Year == year || f.Year == year - 1)).ToListAsync(cancellationToken);
        return rows.Select(f => new Article20Figure(f.RowKey, f.Year, f.Items, f.Decisions, f.Projects, f.AmountYuan)).ToList();
    }

    /// <summary>
    /// The fields the row takes, and numbers the columns hold (non-negative; 金额 to the fen, numeric(18,2)): a refusal
    /// names the row and the year, so a form or a file with many rows points to the one at fault.
    /// </summary>
    private static string? Check(Article20Figure figure)
    {
        if (Article20FigureRows.Problem(figure) is { } problem)
        {
            return problem;
        }

        var label = string.Create(CultureInfo.InvariantCulture, $"{figure.Year}年 {Article20FigureRows.Find(figure.RowKey)?.Label ?? figure.RowKey}");
        return figure.Items < 0 || figure.Decisions < 0 || figure.Projects < 0 || figure.AmountYuan < 0 ? $"{label}：数量和金额不能为负数"
            : figure.AmountYuan >= MaxAmountYuan ? $"{label} 金额（元）：过大，不超过16位整数"
            : figure.AmountYuan is { } a && decimal.Round(a, 2) != a ? $"{label} 金额（元）：{a.ToString(CultureInfo.InvariantCulture)} 超过两位小数（元以下只到分）"
            : null;
    }

    /// <summary>numeric(18,2) holds 16 digits before the point.</summary>
    private const decimal MaxAmountYuan = 10_000_000_000_000_000m;

    /// <summary>Sets the fields the figure gives on its stored row (a new one if none); the figure was checked.</summary>
    private async Task UpsertAsync(int agencyId, Article20Figure figure, CancellationToken cancellationToken)
    {
        var row = db.Article20Figures.Local.FirstOrDefault(f => f.AgencyId == agencyId && f.Year == figure.Year && f.RowKey == figure.RowKey)
            ?? await db.Article20Figures.SingleOrDefaultAsync(f => f.AgencyId == agencyId && f.Year == figure.Year && f.RowKey == figure.RowKey, cancellationToken);
        if (row is null)
        {
            row = new Article20FigureRecord { AgencyId = agencyId, Year = figure.Year, RowKey = figure.RowKey };
            db.Article20Figures.Add(row);
        }

        row.Items = figure.Items ?? row.Items;
        row.Decisions = figure.Decisions ?? row.Decisions;
        row.Projects = figure.Projects ?? row.Projects;
        row.AmountYuan = figure.AmountYuan ?? row.AmountYuan;
        row.UpdatedAt = clock.GetUtcNow();
    }
}
