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
/// Staff accounts: add one with one or more roles (its first password is shown once and must be changed at first
/// sign-in), change a person's roles, reset a forgotten password (a new temporary one, shown once, changed at the next
/// sign-in; logged), disable or enable one, unlock one that failed sign-ins locked (an administrator included:
/// another administrator unlocks them). Roles are rows of staff_user_roles, so a later agency dimension is a column
/// there.
/// </summary>
public sealed class UsersModel(UserManager<StaffUser> users, StaffDbContext staff, GongkaiDbContext db, CurrentAgency agency, TimeProvider clock, ILogger<UsersModel> logger) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, string? Department, bool MustChangePassword, int? DepartmentId);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<DepartmentRecord> Departments { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The new account's generated password, shown on this response only.</summary>
    public string? CreatedPassword { get; private set; }

    public string? CreatedUserName { get; private set; }

    [BindProperty]
    public NewStaffInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = NewStaffInput.Default();
        await LoadAsync(cancellationToken);
    }

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

        var roles = Input.Roles.Where(StaffRoles.All.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors.Add("请至少选择一个角色。");
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
                DepartmentId = roles.Contains(StaffRoles.DepartmentLiaison) ? Input.DepartmentId : null,
                CreatedAt = clock.GetUtcNow(),
                MustChangePassword = true,
            };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                created = await users.AddToRolesAsync(user, roles);
            }

            if (created.Succeeded)
            {
                CreatedUserName = user.UserName;
                CreatedPassword = password;
                Input = NewStaffInput.Default();
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

    /// <summary>The password of the account reset to a new temporary one (shown once), to be changed at the next sign-in.</summary>
    public string? ResetPassword { get; private set; }

    public string? ResetUserName { get; private set; }

    /// <summary>
    /// Gives the account a new temporary password, shown on this response only; the person must change it at the next
    /// sign-in, their open sessions end (new security stamp), a lockout ends. Logged with both user names.
    /// </summary>
    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var password = StartupTasks.GeneratePassword();
        var reset = await users.RemovePasswordAsync(user);
        if (reset.Succeeded)
        {
            reset = await users.AddPasswordAsync(user, password);
        }

        if (reset.Succeeded)
        {
            user.MustChangePassword = true;
            reset = await users.UpdateAsync(user);
        }

        if (!reset.Succeeded)
        {
            TempData["Error"] = string.Join(" ", reset.Errors.Select(e => e.Description));
            return RedirectToPage();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        StaffAccountLog.PasswordReset(logger, user.UserName ?? id, User.Identity?.Name ?? string.Empty);
        ResetUserName = user.UserName;
        ResetPassword = password;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Sets the account's roles to those ticked (at least one; an administrator keeps their own administrator role). Logged.</summary>
    public async Task<IActionResult> OnPostRolesAsync(string id, [FromForm] List<string> roles, [FromForm] int? departmentId)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var wanted = roles.Where(StaffRoles.All.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            TempData["Error"] = $"账号 {user.UserName}：请至少选择一个角色。";
            return RedirectToPage();
        }

        if (user.Id == users.GetUserId(User) && !wanted.Contains(StaffRoles.Administrator))
        {
            TempData["Error"] = "不能取消自己的管理员角色。";
            return RedirectToPage();
        }

        var held = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, held.Except(wanted, StringComparer.Ordinal));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, wanted.Except(held, StringComparer.Ordinal));
        }

        if (result.Succeeded)
        {
            user.DepartmentId = wanted.Contains(StaffRoles.DepartmentLiaison) ? departmentId ?? user.DepartmentId : null;
            result = await users.UpdateAsync(user);
        }

        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Description));
            return RedirectToPage();
        }

        // The person's cookie carries roles: a new stamp makes it be rebuilt within a minute.
        await users.UpdateSecurityStampAsync(user);
        StaffAccountLog.RolesChanged(logger, user.UserName ?? id, string.Join(",", wanted), User.Identity?.Name ?? string.Empty);
        TempData["Message"] = $"已将账号 {user.UserName} 的角色设为：{string.Join("、", wanted.Select(StaffRoles.DisplayName))}。";
        return RedirectToPage();
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
                StaffRoles.All.Where(a => roles.Any(r => r.UserId == u.Id && r.Name == a)).ToList(),
                u.Disabled,
                u.LockoutEnd is { } end && end > now,
                Departments.FirstOrDefault(d => d.Id == u.DepartmentId)?.Name,
                u.MustChangePassword,
                u.DepartmentId))
            .ToList();
    }
}

/// <summary>The form that adds a member of staff.</summary>
public sealed class NewStaffInput
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>The roles ticked (one or more).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The empty form: 公开办 ticked, the usual case.</summary>
    public static NewStaffInput Default() => new() { Roles = [StaffRoles.DisclosureOfficer] };

    public int? DepartmentId { get; set; }
}
