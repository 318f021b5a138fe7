using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Identifiers;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Agencies;

/// <summary>The use cases of the government's tree of agencies (issue #12).</summary>
public static class AgencyServices
{
    public static IServiceCollection AddAgencyUseCases(this IServiceCollection services) => services
        .AddScoped<ListAgencyTree>()
        .AddScoped<ResolveAgency>()
        .AddScoped<AddAgency>()
        .AddScoped<EditAgency>()
        .AddScoped<MoveAgency>()
        .AddScoped<ArchiveAgency>()
        .AddScoped<RemoveAgency>()
        .AddScoped<ReadAgencyGuide>()
        .AddScoped<SaveAgencyGuide>();
}

/// <summary>One agency as the tree shows it: where it sits (<see cref="Depth"/>, its parent) and its version.</summary>
public sealed record AgencyNode(
    int Id, string Code, string Name, string KindKey, string? Uscc, int? ParentId, int Depth, DateTimeOffset? ArchivedAt, int Version,
    string? UpdatedBy, DateTimeOffset? UpdatedAt, string? LastChange)
{
    /// <summary>The kind, when the stored key is one of <see cref="AgencyKind"/>'s.</summary>
    public AgencyKind? Kind => AgencyKinds.Parse(KindKey);

    /// <summary>人民政府 / 政府部门 / 乡镇街道 / 其他.</summary>
    public string KindLabel => AgencyKinds.LabelOf(KindKey);

    public bool Archived => ArchivedAt is not null;

    internal static AgencyNode From(AgencyRecord a, int depth) =>
        new(a.Id, a.Code, a.Name, a.Kind, a.Uscc, a.ParentId, depth, a.ArchivedAt, a.Version, a.UpdatedBy, a.UpdatedAt, a.LastChange);
}

/// <summary>The checks and the versioned write every change of the tree shares.</summary>
internal static class AgencyRules
{
    public const int MaxNameLength = 200;

    /// <summary>Null when the name may be used (by the agency <paramref name="exceptId"/>); otherwise why not.</summary>
    public static async Task<Refused?> NameProblemAsync(GongkaiDbContext db, string? name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            return new Refused("机关名称：须为1至200个字", "Name");
        }

        // Names are unique on the whole platform (the schema says so): every --agency and every search resolves an exact name.
        if (await db.Agencies.AsNoTracking().AnyAsync(a => a.Name == trimmed && a.Id != (exceptId ?? 0), cancellationToken))
        {
            return new Refused($"机关名称：已有名为“{trimmed}”的机关，同一平台上机关名称不能重复", "Name");
        }

        return null;
    }

    /// <summary>The normalised 统一社会信用代码 (null when none was given) or why it cannot be used.</summary>
    public static async Task<(string? Value, Refused? Problem)> UsccAsync(GongkaiDbContext db, string? uscc, int? exceptId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(uscc))
        {
            return (null, null);
        }

        if (UnifiedSocialCreditCode.Problem(uscc) is { } problem)
        {
            return (null, new Refused("统一社会信用代码：" + problem, "Uscc"));
        }

        var value = UnifiedSocialCreditCode.Normalise(uscc);
        if (await db.Agencies.AsNoTracking().Where(a => a.Uscc == value && a.Id != (exceptId ?? 0)).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) is { } other)
        {
            return (null, new Refused($"统一社会信用代码：{value} 已登记为“{other}”的代码", "Uscc"));
        }

        return (value, null);
    }

    public static Refused KindProblem(string? kind) =>
        new($"机关类别“{kind}”无效：可选 government（人民政府）、department（政府部门）、town（乡镇街道）、other（其他）", "Kind");

    /// <summary>
    /// Applies <paramref name="change"/> to the agency if it is still at <paramref name="seenVersion"/> (any version when
    /// null, for the command line), advancing the version and recording who changed what; checked in the UPDATE itself.
    /// </summary>
    public static async Task<Result<AgencyNode>> SaveAsync(GongkaiDbContext db, TimeProvider clock, int id, int? seenVersion, string actor, string what,
        Action<AgencyRecord> change, CancellationToken cancellationToken)
    {
        var current = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (current is null)
        {
            return new NotFound("没有这个机关（可能已被删除），请刷新页面");
        }

        if (seenVersion is { } seen && seen != current.Version)
        {
            return Stale(current);
        }

        var target = new AgencyRecord { Id = current.Id, Code = current.Code, Name = current.Name, Kind = current.Kind };
        Copy(current, target);
        change(target);
        var now = clock.GetUtcNow();
        var version = current.Version;
        var updated = await db.Agencies.Where(a => a.Id == id && a.Version == version).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Name, target.Name)
            .SetProperty(a => a.Kind, target.Kind)
            .SetProperty(a => a.Uscc, target.Uscc)
            .SetProperty(a => a.ParentId, target.ParentId)
            .SetProperty(a => a.ArchivedAt, target.ArchivedAt)
            .SetProperty(a => a.SortOrder, target.SortOrder)
            .SetProperty(a => a.Version, version + 1)
            .SetProperty(a => a.UpdatedBy, actor)
            .SetProperty(a => a.UpdatedAt, now)
            .SetProperty(a => a.LastChange, what), cancellationToken);
        if (updated == 0)
        {
            var now2 = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            return now2 is null ? new NotFound("没有这个机关（可能已被删除），请刷新页面") : Stale(now2);
        }

        target.Version = version + 1;
        target.UpdatedBy = actor;
        target.UpdatedAt = now;
        target.LastChange = what;
        return Result.Ok(AgencyNode.From(target, 0));
    }

    /// <summary>The refusal of a stale form: who changed the agency, when, and what.</summary>
    public static Conflict Stale(AgencyRecord current) =>
        new($"未保存：机关“{current.Name}”在您打开页面后已被{current.UpdatedBy ?? "他人"}"
            + (current.UpdatedAt is { } at ? $"于{at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}" : string.Empty)
            + $"修改（{current.LastChange ?? "修改"}），请刷新页面后重试");

    private static void Copy(AgencyRecord from, AgencyRecord to)
    {
        to.Uscc = from.Uscc;
        to.ParentId = from.ParentId;
        to.ArchivedAt = from.ArchivedAt;
        to.SortOrder = from.SortOrder;
        to.CreatedAt = from.CreatedAt;
        to.Version = from.Version;
    }

    /// <summary>The ids of the agency and every agency below it.</summary>
    public static HashSet<int> Subtree(IReadOnlyList<AgencyRecord> all, int id)
    {
        var children = all.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value, a => a.Id);
        var found = new HashSet<int> { id };
        var queue = new Queue<int>([id]);
        while (queue.Count > 0)
        {
            foreach (var child in children[queue.Dequeue()])
            {
                if (found.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return found;
    }
}
