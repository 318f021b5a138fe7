using Gongkai.Application.Staff;
using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>
/// Staff accounts: add one with one or more roles (its first password is shown once and must be changed at first
/// sign-in), change a person's roles and 审核岗位 per agency, reset a forgotten password (a new temporary one, shown
/// once, changed at the next sign-in; logged), disable or enable one, unlock one that failed sign-ins locked (an
/// administrator included: another administrator unlocks them). Roles and 审核岗位 are held per agency
/// (staff_memberships, review_duties): an administrator of the current agency manages the accounts of that agency and of
/// every agency below it, and gives roles and duties in those agencies only. The rules are the use cases' of
/// <see cref="Gongkai.Application.Staff"/>; this page binds, calls and shows.
/// </summary>
public sealed class UsersModel(UserManager<StaffUser> users, CurrentAgency agency, AgencyList agencies, ILogger<UsersModel> logger) : PageModel
{
    /// <summary>The agencies whose accounts this administrator manages: the current one and those below it.</summary>
    public IReadOnlyList<AgencyRecord> Scope { get; private set; } = [];

    public IReadOnlyList<StaffAccountRow> Rows { get; private set; } = [];

    /// <summary>The 审核岗位 each agency of the scope offers (the usual ones, its chain's, those held).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> DutyChoices { get; private set; } = new Dictionary<int, IReadOnlyList<string>>();

    public IReadOnlyList<DepartmentRecord> Departments { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The new account's generated password, shown on this response only.</summary>
    public string? CreatedPassword { get; private set; }

    public string? CreatedUserName { get; private set; }

    /// <summary>The password of the account reset to a new temporary one (shown once), to be changed at the next sign-in.</summary>
    public string? ResetPassword { get; private set; }

    public string? ResetUserName { get; private set; }

    [BindProperty]
    public NewStaffInput Input { get; set; } = new();

    /// <summary>The name of an agency of the scope.</summary>
    public string AgencyName(int id) => Scope.FirstOrDefault(a => a.Id == id)?.Name ?? string.Empty;

    /// <summary>The name of the account's 承办科室, if any.</summary>
    public string? DepartmentName(int? id) => Departments.FirstOrDefault(d => d.Id == id)?.Name;

    public async Task OnGetAsync([FromServices] ListStaffAccounts list, CancellationToken cancellationToken)
    {
        Input = NewStaffInput.Default();
        await LoadAsync(list, cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync([FromServices] CreateStaffAccount create, [FromServices] ListStaffAccounts list, CancellationToken cancellationToken)
    {
        var result = await create.ExecuteAsync(new(await ScopeAsync(cancellationToken), Input.UserName, Input.DisplayName, Input.AgencyId, Input.Roles, Input.DepartmentId), cancellationToken);
        if (result.Error is Gongkai.Domain.Results.NotFound)
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            Errors = error.Message.Split('\n');
        }
        else
        {
            CreatedUserName = result.Value!.Account.UserName;
            CreatedPassword = result.Value.Password;
            Input = NewStaffInput.Default();
            ModelState.Clear();
        }

        await LoadAsync(list, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Gives the account a new temporary password, shown on this response only; the person must change it at the next
    /// sign-in, their open sessions end (new security stamp), a lockout ends. Logged with both user names.
    /// </summary>
    public async Task<IActionResult> OnPostResetAsync(string id, [FromServices] ResetStaffPassword reset, [FromServices] ListStaffAccounts list, CancellationToken cancellationToken)
    {
        var result = await reset.ExecuteAsync(new(await ScopeAsync(cancellationToken), id), cancellationToken);
        if (result.Error is { } error)
        {
            return Refusal(error);
        }

        StaffAccountLog.PasswordReset(logger, result.Value!.Account.UserName, User.Identity?.Name ?? string.Empty);
        ResetUserName = result.Value.Account.UserName;
        ResetPassword = result.Value.Password;
        await LoadAsync(list, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Sets the account's roles and 审核岗位 in the agencies of this administrator's scope to those ticked
    /// (<c>agencyId:role</c>, <c>agencyId:duty</c>); what it holds elsewhere stays. Logged.
    /// </summary>
    public async Task<IActionResult> OnPostRolesAsync(string id, [FromForm] List<string> roles, [FromForm] List<string> duties, [FromForm] int? departmentId,
        [FromServices] SetStaffRoles setRoles, CancellationToken cancellationToken)
    {
        var result = await setRoles.ExecuteAsync(new(await ScopeAsync(cancellationToken), id, roles, duties, departmentId), cancellationToken);
        if (result.Error is { } error)
        {
            return Refusal(error);
        }

        var set = result.Value!;
        StaffAccountLog.RolesChanged(logger, set.Account.UserName, string.Join(",", set.Roles.Select(w => $"{w.AgencyId}:{w.Role}").Concat(set.Duties.Select(d => $"{d.AgencyId}:审核岗位:{d.Duty}"))),
            User.Identity?.Name ?? string.Empty);
        TempData["Message"] = set.Roles.Count == 0
            ? $"已取消账号 {set.Account.UserName} 在本单位及下级单位的全部角色和审核岗位。"
            : $"已将账号 {set.Account.UserName} 的角色设为：{set.Described}。";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDisableAsync(string id, [FromServices] SetStaffDisabled setDisabled) => SetDisabledAsync(id, setDisabled, true);

    public Task<IActionResult> OnPostEnableAsync(string id, [FromServices] SetStaffDisabled setDisabled) => SetDisabledAsync(id, setDisabled, false);

    /// <summary>Ends a lockout now (the count of failed sign-ins starts again); logged with both user names.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id, [FromServices] UnlockStaffAccount unlock)
    {
        var result = await unlock.ExecuteAsync(new(await ScopeAsync(HttpContext.RequestAborted), id), HttpContext.RequestAborted);
        if (result.Error is Gongkai.Domain.Results.NotFound)
        {
            return NotFound();
        }

        if (result.Error is { } notLocked)
        {
            TempData["Message"] = notLocked.Message;
            return RedirectToPage();
        }

        StaffAccountLog.Unlocked(logger, result.Value!.UserName, User.Identity?.Name ?? string.Empty);
        TempData["Message"] = $"已解锁账号 {result.Value.UserName}。";
        return RedirectToPage();
    }

    private async Task<IActionResult> SetDisabledAsync(string id, SetStaffDisabled setDisabled, bool disabled)
    {
        var result = await setDisabled.ExecuteAsync(new(await ScopeAsync(HttpContext.RequestAborted), id), disabled, HttpContext.RequestAborted);
        if (result.Error is { } error)
        {
            return Refusal(error);
        }

        TempData["Message"] = disabled ? $"已停用账号 {result.Value!.UserName}。" : $"已启用账号 {result.Value!.UserName}。";
        return RedirectToPage();
    }

    /// <summary>Another agency's account is not found (404); a refusal is shown above the list.</summary>
    private IActionResult Refusal(Gongkai.Domain.Results.Error error)
    {
        if (error is Gongkai.Domain.Results.NotFound)
        {
            return NotFound();
        }

        TempData["Error"] = error.Message.Replace('\n', ' ');
        return RedirectToPage();
    }

    /// <summary>The current agency and every agency below it, and who is acting.</summary>
    private async Task<StaffScope> ScopeAsync(CancellationToken cancellationToken)
    {
        if (Scope.Count == 0)
        {
            var current = await agency.GetAsync(cancellationToken);
            Scope = AgencyList.Subtree(await agencies.AllAsync(cancellationToken), current.Id);
        }

        return new StaffScope(Scope[0].Id, Scope.Select(a => a.Id).ToList(), users.GetUserId(User) ?? string.Empty, User.Identity?.Name ?? string.Empty);
    }

    private async Task LoadAsync(ListStaffAccounts list, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(cancellationToken);
        var shown = await list.ExecuteAsync(scope, cancellationToken);
        Rows = shown.Rows;
        DutyChoices = shown.DutyChoices;
        Departments = shown.Departments;
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
