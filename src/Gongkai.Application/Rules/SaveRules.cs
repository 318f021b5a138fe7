using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Cases;
using Gongkai.Data.Rules;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Rules;

/// <summary>A rule's new value (checked by <see cref="ConfigurableRules.PlainProblem"/>) with the version the administrator saw.</summary>
public sealed record RuleChange(ConfigurableRule Rule, string Value, int Seen);

/// <summary>The changed rules, set by <paramref name="Actor"/>.</summary>
public sealed record SaveRulesRequest(IReadOnlyList<RuleChange> Changes, string Actor);

/// <summary>
/// Saves changed 计算规则, each on the version the administrator saw (a newer change by someone else is a
/// <see cref="Conflict"/> naming it, and nothing is saved), and recomputes every open case's reply date under the new
/// rules in the same transaction. The value is how many open cases' reply dates moved.
/// </summary>
public sealed class SaveRules(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<Result<int>> ExecuteAsync(SaveRulesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var change in request.Changes)
        {
            if (ConfigurableRules.PlainProblem(change.Rule, change.Value) is { } problem)
            {
                return new Refused($"{change.Rule.Label}：{problem}", change.Rule.Key);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await RuleSettingsStore.SetSeenAsync(db, [.. request.Changes.Select(c => (c.Rule, c.Value, c.Seen))], request.Actor, clock, cancellationToken) is { } conflict)
        {
            await transaction.RollbackAsync(cancellationToken);
            return conflict;
        }

        var moved = await new CaseStore(db, await CalendarStore.LoadAsync(db, cancellationToken), clock).RecomputeOpenCasesAsync(cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok(moved);
    }
}
