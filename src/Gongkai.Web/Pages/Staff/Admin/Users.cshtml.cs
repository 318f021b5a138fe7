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
/// another administrator unlocks them). Roles are held per agency (staff_memberships): an administrator of the current
/// agency manages the accounts of that agency and of every agency below it, and gives roles in those agencies only.
/// </summary>
public sealed class UsersModel(UserManager<StaffUser> users, StaffDbContext staff, GongkaiDbContext db, CurrentAgency agency, AgencyList agencies,
    StaffMemberships memberships, TimeProvider clock, ILogger<UsersModel> logger) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, string? Department, bool MustChangePassword, int? DepartmentId,
        IReadOnlyList<(AgencyRecord Agency, IReadOnlyList<string> Roles)> Memberships);

    /// <summary>The agencies whose accounts this administrator manages: the current one and those below it.</summary>
    public IReadOnlyList<AgencyRecord> Scope { get; private set; } = [];

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

        var scope = await ScopeAsync(cancellationToken);
        var current = Input.AgencyId is { } chosenId ? scope.FirstOrDefault(a => a.Id == chosenId) : scope[0];
        if (current is null)
        {
            errors.Add("所属单位：请从列表中选择本单位或下级单位。");
        }

        if (errors.Count == 0 && current is not null)
        {
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
                await memberships.AddAsync(user.Id, current.Id, roles, cancellationToken);
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
        if (await FindInScopeAsync(id) is not { } user)
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

    /// <summary>
    /// Sets the account's roles in the agencies of this administrator's scope to those ticked (<c>agencyId:role</c>);
    /// roles held elsewhere stay. At least one role must remain; an administrator keeps their own administrator role
    /// here. Logged.
    /// </summary>
    public async Task<IActionResult> OnPostRolesAsync(string id, [FromForm] List<string> roles, [FromForm] int? departmentId, CancellationToken cancellationToken)
    {
        if (await FindInScopeAsync(id) is not { } user)
        {
            return NotFound();
        }

        var scope = await ScopeAsync(cancellationToken);
        var wanted = new List<(int AgencyId, string Role)>();
        foreach (var value in roles)
        {
            var parts = value.Split(':', 2);
            if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var agencyId)
                && scope.Any(a => a.Id == agencyId) && StaffRoles.All.Contains(parts[1]))
            {
                wanted.Add((agencyId, parts[1]));
            }
        }

        var scopeIds = scope.Select(a => a.Id).ToList();
        var elsewhere = (await memberships.OfUsersAsync([user.Id], cancellationToken)).Count(m => !scopeIds.Contains(m.AgencyId));
        if (wanted.Count == 0 && elsewhere == 0)
        {
            TempData["Error"] = $"账号 {user.UserName}：请至少选择一个单位的一个角色。";
            return RedirectToPage();
        }

        if (user.Id == users.GetUserId(User) && !wanted.Contains((scope[0].Id, StaffRoles.Administrator)))
        {
            TempData["Error"] = "不能取消自己的管理员角色。";
            return RedirectToPage();
        }

        await memberships.ReplaceAsync(user.Id, scopeIds, wanted, cancellationToken);
        user.DepartmentId = wanted.Any(w => w.Role == StaffRoles.DepartmentLiaison) ? departmentId ?? user.DepartmentId : null;
        if (wanted.Count > 0 && (user.AgencyId is null || !wanted.Any(w => w.AgencyId == user.AgencyId)) && elsewhere == 0)
        {
            user.AgencyId = wanted[0].AgencyId;
        }

        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Description));
            return RedirectToPage();
        }

        // Roles are read again on every request; a new stamp also ends sessions opened under the old roles' pages.
        await users.UpdateSecurityStampAsync(user);
        var described = string.Join("；", wanted.GroupBy(w => w.AgencyId)
            .Select(g => $"{scope.First(a => a.Id == g.Key).Name}：{string.Join("、", StaffRoles.All.Where(r => g.Any(w => w.Role == r)).Select(StaffRoles.DisplayName))}"));
        StaffAccountLog.RolesChanged(logger, user.UserName ?? id, string.Join(",", wanted.Select(w => $"{w.AgencyId}:{w.Role}")), User.Identity?.Name ?? string.Empty);
        TempData["Message"] = wanted.Count == 0
            ? $"已取消账号 {user.UserName} 在本单位及下级单位的全部角色。"
            : $"已将账号 {user.UserName} 的角色设为：{described}。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await SetDisabledAsync(id, true);

    public async Task<IActionResult> OnPostEnableAsync(string id) => await SetDisabledAsync(id, false);

    /// <summary>Ends a lockout now (the count of failed sign-ins starts again); logged with both user names.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (await FindInScopeAsync(id) is not { } user)
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
        if (await FindInScopeAsync(id) is not { } user)
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

    /// <summary>The current agency and every agency below it.</summary>
    private async Task<IReadOnlyList<AgencyRecord>> ScopeAsync(CancellationToken cancellationToken)
    {
        if (Scope.Count == 0)
        {
            var current = await agency.GetAsync(cancellationToken);
            Scope = AgencyList.Subtree(await agencies.AllAsync(cancellationToken), current.Id);
        }

        return Scope;
    }

    /// <summary>The account, when it works in this administrator's scope; another agency's account is not found (404).</summary>
    private async Task<StaffUser?> FindInScopeAsync(string id)
    {
        var scope = await ScopeAsync(HttpContext.RequestAborted);
        var inScope = await memberships.UsersInAsync(scope.Select(a => a.Id).ToList(), HttpContext.RequestAborted);
        return inScope.Contains(id) ? await users.FindByIdAsync(id) : null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var scope = await ScopeAsync(cancellationToken);
        Departments = await db.Departments.AsNoTracking().Where(d => d.AgencyId == current.Id).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var ids = await memberships.UsersInAsync(scope.Select(a => a.Id).ToList(), cancellationToken);
        var held = await memberships.OfUsersAsync(ids.ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        // Sorted here: SQLite cannot order by DateTimeOffset.
        var all = (await staff.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken))
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.UserName, StringComparer.Ordinal).ToList();
        Rows = all.Select(u => new Row(
                u.Id,
                u.UserName ?? string.Empty,
                u.DisplayName,
                StaffRoles.All.Where(a => held.Any(m => m.UserId == u.Id && m.AgencyId == current.Id && m.Role == a)).ToList(),
                u.Disabled,
                u.LockoutEnd is { } end && end > now,
                Departments.FirstOrDefault(d => d.Id == u.DepartmentId)?.Name,
                u.MustChangePassword,
                u.DepartmentId,
                scope.Where(a => held.Any(m => m.UserId == u.Id && m.AgencyId == a.Id))
                    .Select(a => (a, (IReadOnlyList<string>)StaffRoles.All.Where(r => held.Any(m => m.UserId == u.Id && m.AgencyId == a.Id && m.Role == r)).ToList()))
                    .ToList()))
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

    /// <summary>The agency the account works for (the current one or one below it; empty: the current one).</summary>
    public int? AgencyId { get; set; }
}
