using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>
/// The agency a person names: by its code (<c>wjj</c>) or its exact name (示范县卫生健康局). An unknown one is refused,
/// naming it and some of the agencies there are; nothing is ever created by naming an agency.
/// </summary>
public sealed class ResolveAgency(GongkaiDbContext db)
{
    public async Task<Result<AgencyRecord>> ExecuteAsync(string? codeOrName, CancellationToken cancellationToken = default)
    {
        var given = codeOrName?.Trim() ?? string.Empty;
        if (given.Length > 0)
        {
            var lower = given.ToLowerInvariant();
            var found = await db.Agencies.AsNoTracking().Where(a => a.Code == given || a.Code == lower || a.Name == given).ToListAsync(cancellationToken);
            if ((found.FirstOrDefault(a => a.Code == given) ?? found.FirstOrDefault(a => a.Code == lower) ?? found.FirstOrDefault(a => a.Name == given)) is { } agency)
            {
                return Result.Ok(agency);
            }
        }

        var known = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Name).Take(20).ToListAsync(cancellationToken);
        return new NotFound($"数据库中没有机关“{given}”" + (known.Count == 0 ? "" : $"（已有：{string.Join("、", known)}）")
            + "；请填写机关代码或完整名称，新机关请先用 gongkai agencies add 新建");
    }
}
