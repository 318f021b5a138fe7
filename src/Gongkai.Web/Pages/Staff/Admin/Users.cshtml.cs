using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>
/// Staff accounts: add one with a role (its first password is shown once), disable or enable one, unlock one that
/// failed sign-ins locked (an administrator included: another administrator unlocks them).
/// </summary>
public sealed class UsersModel(UserManager<StaffUser> users, StaffDbContext staff, GongkaiDbContext db, CurrentAgency agency, TimeProvider clock, ILogger<UsersModel> logger) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, string? Department);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<DepartmentRecord> Departments { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The new account's generated password, shown on this response only.</summary>
    public string? CreatedPassword { get; private set; }

    public string? CreatedUserName { get; private set; }

    [BindProperty]
    public NewStaffInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            errors.Add("请填写用户名。");
        }

        if (string.IsNullOrWhiteSpace(Input.DisplayName))
        {
            errors.Add("请填写姓名。");
        }

        if (!StaffRoles.All.Contains(Input.Role))
        {
            errors.Add("请选择角色。");
        }

        if (errors.Count == 0)
        {
            var current = await agency.GetAsync(cancellationToken);
            var password = StartupTasks.GeneratePassword();
            var user = new StaffUser
            {
                UserName = Input.UserName!.Trim(),
                DisplayName = Input.DisplayName!.Trim(),
                AgencyId = current.Id,
                DepartmentId = Input.Role == StaffRoles.DepartmentLiaison ? Input.DepartmentId : null,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, Input.Role);
            }

            if (created.Succeeded)
            {
                CreatedUserName = user.UserName;
                CreatedPassword = password;
                Input = new NewStaffInput();
                ModelState.Clear();
            }
            else
            {
                errors.AddRange(created.Errors.Select(e => e.Description));
            }
        }

        Errors = errors;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await SetDisabledAsync(id, true);

    public async Task<IActionResult> OnPostEnableAsync(string id) => await SetDisabledAsync(id, false);

    /// <summary>Ends a lockout now (the count of failed sign-ins starts again); logged with both user names.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (!await users.IsLockedOutAsync(user))
        {
            TempData["Message"] = $"账号 {user.UserName} 未被锁定。";
            return RedirectToPage();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        StaffAccountLog.Unlocked(logger, user.UserName ?? id, User.Identity?.Name ?? string.Empty);
        TempData["Message"] = $"已解锁账号 {user.UserName}。";
        return RedirectToPage();
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (disabled && user.Id == users.GetUserId(User))
        {
            TempData["Error"] = "不能停用自己的账号。";
            return RedirectToPage();
        }

        user.Disabled = disabled;
        if (!disabled)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        await users.UpdateAsync(user);
        // A new security stamp ends the person's open sessions at the next cookie validation.
        await users.UpdateSecurityStampAsync(user);
        TempData["Message"] = disabled ? $"已停用账号 {user.UserName}。" : $"已启用账号 {user.UserName}。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        Departments = await db.Departments.AsNoTracking().Where(d => d.AgencyId == current.Id).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var roles = await staff.UserRoles.AsNoTracking()
            .Join(staff.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Sorted here: SQLite cannot order by DateTimeOffset.
        var all = (await staff.Users.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(u => u.CreatedAt).ThenBy(u => u.UserName, StringComparer.Ordinal).ToList();
        Rows = all.Select(u => new Row(
                u.Id,
                u.UserName ?? string.Empty,
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? string.Empty).ToList(),
                u.Disabled,
                u.LockoutEnd is { } end && end > now,
                Departments.FirstOrDefault(d => d.Id == u.DepartmentId)?.Name))
            .ToList();
    }
}

/// <summary>The form that adds a member of staff.</summary>
public sealed class NewStaffInput
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string Role { get; set; } = StaffRoles.DisclosureOfficer;

    public int? DepartmentId { get; set; }
}
