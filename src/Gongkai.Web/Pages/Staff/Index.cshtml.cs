using Gongkai.Data.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>The back office's start page.</summary>
public sealed class IndexModel(UserManager<StaffUser> users) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? string.Empty;
        Roles = [.. await users.GetRolesAsync(user)];
        return Page();
    }
}
