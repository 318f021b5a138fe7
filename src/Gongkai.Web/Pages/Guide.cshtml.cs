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
public sealed class GuideModel(CurrentAgency agency, GongkaiDbContext db) : PageModel
{
    public string AgencyName { get; private set; } = string.Empty;

    public AgencyGuideRecord? Guide { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        Guide = await db.AgencyGuides.AsNoTracking().SingleOrDefaultAsync(g => g.AgencyId == current.Id, cancellationToken);
    }
}
