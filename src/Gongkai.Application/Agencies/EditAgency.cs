using Gongkai.Data;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>
/// 修改机关: a new name, kind or 统一社会信用代码 (null: unchanged; an empty 统一社会信用代码 removes it). The code never
/// changes, so links and numbers stay stable. <paramref name="SeenVersion"/>: the version the person saw (null on the
/// command line).
/// </summary>
public sealed record EditAgencyRequest(int Id, string? Name, string? Kind, string? Uscc, int? SeenVersion, string Actor);

/// <summary>Renames an agency or corrects its kind or 统一社会信用代码; the value is the agency as saved.</summary>
public sealed class EditAgency(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<Result<AgencyNode>> ExecuteAsync(EditAgencyRequest request, CancellationToken cancellationToken = default)
    {
        var current = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken);
        if (current is null)
        {
            return new NotFound("没有这个机关（可能已被删除），请刷新页面");
        }

        var changes = new List<string>();
        var name = current.Name;
        if (request.Name is not null && request.Name.Trim() != current.Name)
        {
            if (await AgencyRules.NameProblemAsync(db, request.Name, current.Id, cancellationToken) is { } problem)
            {
                return problem;
            }

            name = request.Name.Trim();
            changes.Add($"名称由“{current.Name}”改为“{name}”");
        }

        var kind = current.Kind;
        if (request.Kind is not null)
        {
            if (AgencyKinds.Parse(request.Kind) is not { } parsed)
            {
                return AgencyRules.KindProblem(request.Kind);
            }

            if (parsed.Key() != current.Kind)
            {
                kind = parsed.Key();
                changes.Add($"类别由“{AgencyKinds.LabelOf(current.Kind)}”改为“{parsed.Label()}”");
            }
        }

        var uscc = current.Uscc;
        if (request.Uscc is not null)
        {
            var (value, problem) = await AgencyRules.UsccAsync(db, request.Uscc, current.Id, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            if (value != current.Uscc)
            {
                uscc = value;
                changes.Add(value is null ? "删除统一社会信用代码" : $"统一社会信用代码改为{value}");
            }
        }

        if (changes.Count == 0)
        {
            return request.SeenVersion is { } seen && seen != current.Version ? AgencyRules.Stale(current) : Result.Ok(AgencyNode.From(current, 0));
        }

        return await AgencyRules.SaveAsync(db, clock, current.Id, request.SeenVersion, request.Actor, string.Join("；", changes), a =>
        {
            a.Name = name;
            a.Kind = kind;
            a.Uscc = uscc;
        }, cancellationToken);
    }
}
