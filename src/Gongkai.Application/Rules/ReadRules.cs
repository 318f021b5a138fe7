using Gongkai.Data;
using Gongkai.Data.Rules;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Rules;

/// <summary>The stored rules' values and versions by key (a rule at its default is not stored: version 0).</summary>
public sealed record RulesShown(IReadOnlyDictionary<string, string> Stored, IReadOnlyDictionary<string, int> Versions);

/// <summary>The 计算规则 of the installation as the administrator's form shows them, each with the version a change must carry.</summary>
public sealed class ReadRules(GongkaiDbContext db)
{
    public async Task<Result<RulesShown>> ExecuteAsync(CancellationToken cancellationToken = default) =>
        Result.Ok(new RulesShown(await RuleSettingsStore.ValuesAsync(db, cancellationToken), await RuleSettingsStore.VersionsAsync(db, cancellationToken)));
}
