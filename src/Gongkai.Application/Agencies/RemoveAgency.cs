using System.Data.Common;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Application.Agencies;

/// <summary>删除机关 entered by mistake.</summary>
public sealed record RemoveAgencyRequest(int Id, int? SeenVersion);

/// <summary>
/// Deletes an agency that has nothing yet: no subordinate agencies, no applications, catalogue items, register entries,
/// Art. 20 figures, annual reports, review or litigation records, staff. One that has any is refused — it is archived
/// instead, so that its records and its published reports stay. Its settings (指南, 承办科室, templates) go with it.
/// </summary>
public sealed class RemoveAgency(GongkaiDbContext db)
{
    public async Task<Result<AgencyRecord>> ExecuteAsync(RemoveAgencyRequest request, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken);
        if (agency is null)
        {
            return new NotFound("没有这个机关（可能已被删除），请刷新页面");
        }

        if (request.SeenVersion is { } seen && seen != agency.Version)
        {
            return AgencyRules.Stale(agency);
        }

        var id = agency.Id;
        var held = new List<string>();
        void Count(int n, string what)
        {
            if (n > 0)
            {
                held.Add(n.ToString(CultureInfo.InvariantCulture) + what);
            }
        }

        Count(await db.Agencies.CountAsync(a => a.ParentId == id, cancellationToken), "个下级机关");
        Count(await db.Cases.CountAsync(c => c.AgencyId == id, cancellationToken), "件申请");
        Count(await db.OnlineApplications.CountAsync(c => c.AgencyId == id, cancellationToken), "件在线申请");
        Count(await db.CatalogItems.CountAsync(c => c.AgencyId == id, cancellationToken), "条目录信息");
        Count(await db.NormativeDocuments.CountAsync(c => c.AgencyId == id, cancellationToken), "件规章和规范性文件");
        Count(await db.Article20Figures.CountAsync(c => c.AgencyId == id, cancellationToken), "项第二十条数据");
        Count(await db.AnnualReports.CountAsync(c => c.AgencyId == id, cancellationToken), "份年度报告");
        Count(await db.ReviewLitigation.CountAsync(c => c.AgencyId == id, cancellationToken), "件复议诉讼");
        Count(await CountStaffAsync(id, cancellationToken), "名工作人员");
        if (held.Count > 0)
        {
            return new Refused($"机关“{agency.Name}”已有{string.Join("、", held)}，不能删除，请改为归档（记录和已公布的报告保留）");
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var deleted = await db.Agencies.Where(a => a.Id == id && a.Version == agency.Version).ExecuteDeleteAsync(cancellationToken);
            if (deleted == 0)
            {
                return await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } now
                    ? AgencyRules.Stale(now)
                    : new NotFound("没有这个机关（可能已被删除），请刷新页面");
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        catch (DbException)
        {
            // A record made for it meanwhile (or in a table added later) holds it: the database refuses, and so do we.
            if (own is not null)
            {
                await own.RollbackAsync(cancellationToken);
            }

            return new Refused($"机关“{agency.Name}”已有记录，不能删除，请改为归档");
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        return Result.Ok(agency);
    }

    /// <summary>Staff accounts live in another context on the same database (<c>staff_users</c>).</summary>
    private async Task<int> CountStaffAsync(int agencyId, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = "SELECT COUNT(*) FROM staff_users WHERE agency_id = " + agencyId.ToString(CultureInfo.InvariantCulture);
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
