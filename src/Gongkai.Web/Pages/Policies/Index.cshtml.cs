using Gongkai.Data.Portal;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Policies;

/// <summary>政府信息公开制度: the agency's own rules on its disclosure work, newest first, each on a page of its own.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(CurrentAgency agency, PortalStore store) : PageModel
{
    public string AgencyName { get; private set; } = string.Empty;

    public IReadOnlyList<DisclosureRule> Rows { get; private set; } = [];

    /// <summary>The rule shown (<c>/policies/{id}</c>), or null for the list.</summary>
    public DisclosureRule? Rule { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        if (id is { } one)
        {
            Rule = await store.RuleAsync(current.Id, one, cancellationToken);
            return Rule is null ? NotFound() : Page();
        }

        Rows = await store.RulesAsync(current.Id, cancellationToken);
        return Page();
    }
}
