using Gongkai.Application.Rules;
using Gongkai.Domain.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>
/// 计算规则 (administrators): the points of the statutory clock the Regulation leaves open (docs/legal.md U/P — how working
/// days are counted, e-mail receipt, fees), set for the installation; saving recomputes every open case's reply date.
/// </summary>
public sealed class RulesModel(ReadRules read, SaveRules save) : PageModel
{
    public IReadOnlyDictionary<string, string> Stored { get; private set; } = new Dictionary<string, string>();

    public List<string> Errors { get; } = [];

    /// <summary>The stored rules' versions by key (a rule at its default: 0), as shown.</summary>
    public IReadOnlyDictionary<string, int> Versions { get; private set; } = new Dictionary<string, int>();

    /// <summary>The posted values by rule key.</summary>
    [BindProperty]
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>The version of each rule the administrator saw; a change is saved only on it (checked by the database).</summary>
    [BindProperty]
    public Dictionary<string, int> Seen { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The version of a rule as shown.</summary>
    public int VersionOf(ConfigurableRule rule) => Versions.GetValueOrDefault(rule.Key);

    /// <summary>The value in force of a rule: stored, or its default.</summary>
    public string ValueOf(ConfigurableRule rule) => Stored.GetValueOrDefault(rule.Key) ?? rule.Default;

    public async Task<IActionResult> OnPostAsync([FromServices] Infrastructure.CurrentAgency agency, CancellationToken cancellationToken)
    {
        // The rules are the installation's: set by an administrator of the root government, not of one department.
        if ((await agency.GetAsync(cancellationToken)).ParentId is not null)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var changed = new List<RuleChange>();
        foreach (var rule in ConfigurableRules.All)
        {
            if (!Values.TryGetValue(rule.Key, out var value) || value is null || value.Trim() == ValueOf(rule))
            {
                continue;
            }

            if (ConfigurableRules.PlainProblem(rule, value) is { } problem)
            {
                Errors.Add($"{rule.Label}：{problem}");
            }
            else if (!Seen.TryGetValue(rule.Key, out var seen))
            {
                Errors.Add($"{rule.Label}：表单缺少所看到的版本，请刷新页面后重试");
            }
            else
            {
                changed.Add(new RuleChange(rule, value.Trim(), seen));
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (changed.Count == 0)
        {
            TempData["Message"] = "规则没有变化。";
            return RedirectToPage();
        }

        var result = await save.ExecuteAsync(new SaveRulesRequest(changed, User.Identity!.Name!), cancellationToken);
        if (result.Error is { } error)
        {
            Errors.Add(error.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var moved = result.Value;
        TempData["Message"] = $"已保存：{string.Join("；", changed.Select(c => $"{c.Rule.Label}——{c.Rule.MeaningOf(c.Value)}"))}。{moved}件在办案件的答复期限随之改变。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Stored, Versions) = (await read.ExecuteAsync(cancellationToken)).Value!;
    }
}
