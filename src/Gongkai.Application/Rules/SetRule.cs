using Gongkai.Data;
using Gongkai.Data.Rules;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Rules;

/// <summary>One rule named by its key (<c>working-days.start-day</c>) set to <paramref name="Value"/> by <paramref name="Actor"/>.</summary>
public sealed record SetRuleRequest(string Key, string Value, string Actor);

/// <summary>The rule as set, and how many open cases' reply dates moved with it.</summary>
public sealed record RuleSet(string Key, string Value, int Moved);

/// <summary>
/// Sets one 计算规则 by its key, as <c>gongkai rules set</c> does: there is no form whose version the person saw, so the
/// change is made on the version stored now; <see cref="SaveRules"/> stores it and recomputes every open case's reply
/// date in one transaction (the one place that sets rules). An unknown key or a value the rule does not allow is
/// <see cref="Refused"/>, naming the key and the values allowed (<see cref="ConfigurableRules.Problem"/>).
/// </summary>
public sealed class SetRule(GongkaiDbContext db, SaveRules save)
{
    public async Task<Result<RuleSet>> ExecuteAsync(SetRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ConfigurableRules.Problem(request.Key, request.Value) is { } problem)
        {
            return new Refused(problem, request.Key.Trim());
        }

        var rule = ConfigurableRules.Find(request.Key)!;
        var value = request.Value.Trim();
        // No page was seen: a change made by someone else between reading the version and saving is not a conflict to
        // report (its wording is for a form), so the command reads the version again and sets the rule on it.
        for (var attempt = 1; ; attempt++)
        {
            var seen = (await RuleSettingsStore.VersionsAsync(db, cancellationToken)).GetValueOrDefault(rule.Key);
            var saved = await save.ExecuteAsync(new SaveRulesRequest([new RuleChange(rule, value, seen)], request.Actor), cancellationToken);
            if (saved.Error is not Conflict || attempt == 3)
            {
                return saved.Map(moved => new RuleSet(rule.Key, value, moved));
            }

            db.ChangeTracker.Clear();
        }
    }
}
