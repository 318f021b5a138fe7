using Gongkai.Data.Records;
using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Disclosure;

/// <summary>The register of 规章 and 规范性文件 (Art. 20(一)).</summary>
public sealed class NormativeDocumentStore(GongkaiDbContext db)
{
    /// <summary>Registers a document; null when done, else the reason it was refused.</summary>
    public async Task<string?> AddAsync(int agencyId, NormativeDocument document, string? catalogIndexNumber = null, CancellationToken cancellationToken = default)
    {
        if (document.Problem() is { } problem)
        {
            return problem;
        }

        long? itemId = null;
        if (catalogIndexNumber is not null)
        {
            itemId = await db.CatalogItems.Where(i => i.AgencyId == agencyId && i.IndexNumber == catalogIndexNumber).Select(i => (long?)i.Id).SingleOrDefaultAsync(cancellationToken);
            if (itemId is null)
            {
                return $"目录中没有索引号为 {catalogIndexNumber} 的信息";
            }
        }

        db.NormativeDocuments.Add(new NormativeDocumentRecord
        {
            AgencyId = agencyId,
            Kind = document.Kind.Key(),
            Title = document.Title.Trim(),
            DocumentNumber = document.DocumentNumber,
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
        return rows.Select(d => new NormativeDocument(NormativeDocumentKinds.Parse(d.Kind)!.Value, d.Title, d.DocumentNumber, d.IssuedOn, d.PublishedOn, d.RepealedOn)).ToList();
    }
}

/// <summary>The Art. 20 figures entered per year (许可, 其他对外管理服务事项, 处罚, 强制, 收费, 集中采购).</summary>
public sealed class Article20FigureStore(GongkaiDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Sets the given fields of a row for a year (fields left null keep what was stored). Null when done, else the reason.
    /// </summary>
    public async Task<string?> SetAsync(int agencyId, Article20Figure figure, CancellationToken cancellationToken = default)
    {
        var problem = await UpsertAsync(agencyId, figure, cancellationToken);
        if (problem is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return problem;
    }

    /// <summary>Stores every figure of an import, replacing the fields it gives, in one transaction (all or nothing).</summary>
    public async Task<string?> ImportAsync(int agencyId, IReadOnlyList<Article20Figure> figures, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var figure in figures)
        {
            if (await UpsertAsync(agencyId, figure, cancellationToken) is { } problem)
            {
                db.ChangeTracker.Clear();
                return problem;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>The figures of the year and the year before (the 2019 format derives 上一年项目数量 and 本年增/减 from it).</summary>
    public async Task<IReadOnlyList<Article20Figure>> LoadAsync(int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var rows = await db.Article20Figures.AsNoTracking().Where(f => f.AgencyId == agencyId && (f.Year == year || f.Year == year - 1)).ToListAsync(cancellationToken);
        return rows.Select(f => new Article20Figure(f.RowKey, f.Year, f.Items, f.Decisions, f.Projects, f.AmountYuan)).ToList();
    }

    private async Task<string?> UpsertAsync(int agencyId, Article20Figure figure, CancellationToken cancellationToken)
    {
        if (Article20FigureRows.Problem(figure) is { } problem)
        {
            return problem;
        }

        if (figure.Items < 0 || figure.Decisions < 0 || figure.Projects < 0 || figure.AmountYuan < 0)
        {
            return "数量和金额不能为负数";
        }

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
        return null;
    }
}
