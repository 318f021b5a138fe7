using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Rules;

/// <summary>
/// The installation's settings of the rules docs/legal.md leaves open (<see cref="ConfigurableRules"/>), in the database so
/// that the web application, every instance of it and the command line count the same way.
/// </summary>
public static class RuleSettingsStore
{
    /// <summary>The stored values by key (defaults are not stored).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ValuesAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        await db.RuleSettings.AsNoTracking().ToDictionaryAsync(r => r.Key, r => r.Value, StringComparer.Ordinal, cancellationToken);

    /// <summary>The version of each stored rule by key (a rule at its default has none: its version is 0).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> VersionsAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        await db.RuleSettings.AsNoTracking().ToDictionaryAsync(r => r.Key, r => r.Version, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// Sets rules each on the version the person saw (<c>Seen</c>; 0 when the rule was at its default): the UPDATE
    /// checks it (<c>… WHERE key = @key AND version = @seen</c>), and a first setting is an INSERT the primary key keeps
    /// single. Run it in the caller's transaction, which is rolled back on a conflict; the conflict says who changed
    /// which rule to what. Values must have been checked (<see cref="ConfigurableRules.Problem"/>).
    /// </summary>
    public static async Task<Gongkai.Domain.Results.Error?> SetSeenAsync(GongkaiDbContext db, IReadOnlyList<(ConfigurableRule Rule, string Value, int Seen)> changes,
        string actor, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        foreach (var (rule, value, seen) in changes)
        {
            var key = rule.Key;
            int updated;
            if (seen == 0)
            {
                if (await db.RuleSettings.AsNoTracking().AnyAsync(r => r.Key == key, cancellationToken))
                {
                    return await ConflictAsync(db, rule, cancellationToken);
                }

                var row = new RuleSettingRecord { Key = key, Value = value, UpdatedBy = actor, UpdatedAt = now, Version = 1 };
                db.RuleSettings.Add(row);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    updated = 1;
                }
                catch (DbUpdateException)
                {
                    // Another administrator stored it first (the primary key); the caller's transaction is rolled back.
                    return new Gongkai.Domain.Results.Conflict($"“{rule.Label}”在您打开页面后已被他人修改，本次未保存；请刷新页面查看最新规则后重试");
                }
                finally
                {
                    db.Entry(row).State = EntityState.Detached;
                }
            }
            else
            {
                updated = await db.RuleSettings.Where(r => r.Key == key && r.Version == seen).ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.Value, value)
                    .SetProperty(r => r.UpdatedBy, actor)
                    .SetProperty(r => r.UpdatedAt, now)
                    .SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
            }

            if (updated != 1)
            {
                return await ConflictAsync(db, rule, cancellationToken);
            }
        }

        return null;
    }

    private static async Task<Gongkai.Domain.Results.Error> ConflictAsync(GongkaiDbContext db, ConfigurableRule rule, CancellationToken cancellationToken)
    {
        var row = await db.RuleSettings.AsNoTracking().SingleOrDefaultAsync(r => r.Key == rule.Key, cancellationToken);
        return new Gongkai.Domain.Results.Conflict(row is null
            ? $"“{rule.Label}”在您打开页面后已有变化，本次未保存；请刷新页面后重试"
            : $"“{rule.Label}”在您打开页面后已被{row.UpdatedBy}于{Gongkai.Domain.Calendar.ChinaTime.Minute(row.UpdatedAt)}改为“{row.Value}”，本次未保存；请查看最新规则后重试");
    }

    /// <summary>The rules in force.</summary>
    public static async Task<RulesInForce> LoadAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        ConfigurableRules.Apply(await ValuesAsync(db, cancellationToken));

    /// <summary>
    /// Sets a rule on the version stored now (<see cref="SetSeenAsync"/>); null when stored, else the
    /// <see cref="Gongkai.Domain.Results.Refused"/> naming the key (nothing stored). Open cases must be recomputed after:
    /// people and the command line go through the use cases <c>SaveRules</c>/<c>SetRule</c>, which do both.
    /// </summary>
    public static async Task<Gongkai.Domain.Results.Error?> SetAsync(GongkaiDbContext db, string key, string value, string actor, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        if (ConfigurableRules.Problem(key, value) is { } problem)
        {
            return new Gongkai.Domain.Results.Refused(problem, key.Trim());
        }

        var rule = ConfigurableRules.Find(key)!;
        var seen = (await VersionsAsync(db, cancellationToken)).GetValueOrDefault(rule.Key);
        return await SetSeenAsync(db, [(rule, value.Trim(), seen)], actor, clock, cancellationToken);
    }
}
