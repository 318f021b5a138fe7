using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>政府信息公开指南 (Art. 12) as the administrator keeps it on the settings page.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class GuideModel(CurrentAgency agency, GongkaiDbContext db, Gongkai.Data.Portal.PortalStore portal) : PageModel
{
    public string AgencyName { get; private set; } = string.Empty;

    public AgencyGuideRecord? Guide { get; private set; }

    /// <summary>The catalogue's categories, as the 指南's 分类 describes them (the same list as the catalogue's tree).</summary>
    public IReadOnlyList<(string Name, int? Article20Item)> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        Categories = await portal.CategoriesAsync(current.Id, cancellationToken);
        Guide = await db.AgencyGuides.AsNoTracking().SingleOrDefaultAsync(g => g.AgencyId == current.Id, cancellationToken);
    }
}
