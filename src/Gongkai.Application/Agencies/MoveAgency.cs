using Gongkai.Data;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>移动机关: under <paramref name="Parent"/> (code or name), or to the top of the tree when it is null.</summary>
public sealed record MoveAgencyRequest(int Id, string? Parent, int? SeenVersion, string Actor);

/// <summary>
/// Moves an agency (with everything below it) under another. Refused: under itself or one of its own subordinate
/// agencies (the tree would become a loop), under an archived agency.
/// </summary>
public sealed class MoveAgency(GongkaiDbContext db, ResolveAgency resolve, TimeProvider clock)
{
    public async Task<Result<AgencyNode>> ExecuteAsync(MoveAgencyRequest request, CancellationToken cancellationToken = default)
    {
        var all = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var agency = all.SingleOrDefault(a => a.Id == request.Id);
        if (agency is null)
        {
            return new NotFound("没有这个机关（可能已被删除），请刷新页面");
        }

        int? parentId = null;
        var parentName = "顶层（不设上级机关）";
        if (!string.IsNullOrWhiteSpace(request.Parent))
        {
            var parent = await resolve.ExecuteAsync(request.Parent, cancellationToken);
            if (parent.Value is not { } p)
            {
                return new Refused("上级机关：" + parent.Error!.Message, "Parent");
            }

            if (p.Id == agency.Id)
            {
                return new Refused($"上级机关：不能把“{agency.Name}”移到它自己之下", "Parent");
            }

            if (AgencyRules.Subtree(all, agency.Id).Contains(p.Id))
            {
                return new Refused($"上级机关：“{p.Name}”是“{agency.Name}”的下级机关，不能把机关移到它自己的下级之下", "Parent");
            }

            if (p.ArchivedAt is not null)
            {
                return new Refused($"上级机关：“{p.Name}”已归档，不能移到其下", "Parent");
            }

            parentId = p.Id;
            parentName = $"“{p.Name}”之下";
        }

        if (parentId == agency.ParentId)
        {
            return request.SeenVersion is { } seen && seen != agency.Version ? AgencyRules.Stale(agency) : Result.Ok(AgencyNode.From(agency, 0));
        }

        return await AgencyRules.SaveAsync(db, clock, agency.Id, request.SeenVersion, request.Actor, "移到" + parentName, a => a.ParentId = parentId, cancellationToken);
    }
}
