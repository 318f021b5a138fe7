using Gongkai.Application.Catalog;
using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

/// <summary>政府信息公开指南 (Art. 12) as the administrator keeps it on the settings page.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class GuideModel(CurrentAgency agency, ReadGuide read) : PageModel
{
    public string AgencyName { get; private set; } = string.Empty;

    public AgencyGuideRecord? Guide { get; private set; }

    /// <summary>The catalogue's categories, as the 指南's 分类 describes them (the same tree as the catalogue's, sub-categories under their parent).</summary>
    public IReadOnlyList<(string Name, int? Article20Item)> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        var view = await read.ExecuteAsync(current.Id, cancellationToken);
        Guide = view.Guide;
        Categories = view.Categories.All.Select(c => (c.FullName, c.Depth == 0 ? c.Article20Item : null)).ToList();
    }
}
