using Gongkai.Application.Cases;
using Gongkai.Web.Catalog;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>The back office's start page: what waits for the signed-in person in the catalogue (their review steps, Art. 26 overdue items) and the agency's 依申请公开 counts.</summary>
public sealed class IndexModel(UserManager<StaffUser> users, CatalogWorkspace catalog, CurrentAgency agency, CountWorklist worklist) : PageModel
{
    /// <summary>Catalogue items awaiting one of the person's 审核岗位.</summary>
    public int MyReviews { get; private set; }

    /// <summary>Art. 26: unpublished catalogue items past their due date.</summary>
    public int OverdueItems { get; private set; }

    /// <summary>The 依申请公开 counts of the current agency, each linking to the filtered work list.</summary>
    public WorklistCounts Cases { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? string.Empty;
        // The roles held in the current agency (recomputed per request from the memberships).
        Roles = [.. StaffRoles.All.Where(User.IsInRole)];
        var current = await agency.GetAsync(HttpContext.RequestAborted);
        MyReviews = (await catalog.AwaitingReviewByAsync(current.Id, User, await catalog.DutiesAsync(User, current.Id, HttpContext.RequestAborted), HttpContext.RequestAborted)).Count;
        OverdueItems = await catalog.OverdueCountAsync(current.Id, HttpContext.RequestAborted);
        Cases = await worklist.ExecuteAsync(current.Id, HttpContext.RequestAborted);
        return Page();
    }
}
