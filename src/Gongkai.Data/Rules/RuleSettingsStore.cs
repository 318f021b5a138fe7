using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Rules;

/// <summary>
/// The installation's settings of the rules legal.md leaves open (<see cref="ConfigurableRules"/>), in the database so
/// that the web application, every instance of it and the command line count the same way.
/// </summary>
public static class RuleSettingsStore
{
    /// <summary>The stored values by key (defaults are not stored).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ValuesAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        await db.RuleSettings.AsNoTracking().ToDictionaryAsync(r => r.Key, r => r.Value, StringComparer.Ordinal, cancellationToken);

    /// <summary>The rules in force.</summary>
    public static async Task<RulesInForce> LoadAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        ConfigurableRules.Apply(await ValuesAsync(db, cancellationToken));

    /// <summary>Sets a rule; null when stored, else the reason (nothing stored). Open cases must be recomputed after.</summary>
    public static async Task<string?> SetAsync(GongkaiDbContext db, string key, string value, string actor, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (ConfigurableRules.Problem(key, value) is { } problem)
        {
            return problem;
        }

        var k = key.Trim();
        var row = await db.RuleSettings.SingleOrDefaultAsync(r => r.Key == k, cancellationToken);
        if (row is null)
        {
            row = new RuleSettingRecord { Key = k, Value = string.Empty, UpdatedBy = actor };
            db.RuleSettings.Add(row);
        }

        row.Value = value.Trim();
        row.UpdatedBy = actor;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
