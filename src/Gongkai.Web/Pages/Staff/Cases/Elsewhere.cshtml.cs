using System.Security.Claims;
using Gongkai.Application.Cases;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>
/// A case of another agency the person works for, reached by a link (the daily reminder lists the cases of all their
/// agencies): which agency it belongs to, and one button that switches 当前单位 to it and opens the case. Anyone else
/// gets 404, as for every case of another agency.
/// </summary>
public sealed class ElsewhereModel(LocateCase locate, StaffContext staff) : PageModel
{
    public LocatedCase Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await locate.ExecuteAsync(new LocateCaseRequest(id, await TheirAgenciesAsync(staff, User, cancellationToken)), cancellationToken);
        if (found.Value is not { } located)
        {
            return NotFound();
        }

        Case = located;
        return Page();
    }

    /// <summary>
    /// The other agencies the signed-in person works for (offered as 当前单位), not the current one: a case of the current
    /// agency that the person may not open (a liaison's of another department) stays 404, with nothing said of it.
    /// </summary>
    internal static async Task<IReadOnlyList<int>> TheirAgenciesAsync(StaffContext staff, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var choice = staff.Current
            ?? (user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId ? await staff.ForUserAsync(userId, cancellationToken) : null);
        return choice?.Agencies.Where(a => a.Id != choice.Current?.Id).Select(a => a.Id).ToList() ?? [];
    }
}
