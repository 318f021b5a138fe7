using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// A member of staff changes their own password (current password, new one twice). A person whose password was set
/// by an administrator, or generated for the first administrator, lands here and cannot use the back office before
/// doing so (<see cref="ForcedPasswordChange"/>).
/// </summary>
public sealed class PasswordModel(SignInManager<StaffUser> signIn, ILogger<PasswordModel> logger) : PageModel
{
    public const string ChangedMessage = "密码已修改。";

    [BindProperty]
    public string CurrentPassword { get; set; } = string.Empty;

    [BindProperty]
    public string NewPassword { get; set; } = string.Empty;

    [BindProperty]
    public string ConfirmPassword { get; set; } = string.Empty;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Whether the person is here because they must change the password first.</summary>
    public bool Forced => StaffClaims.MustChange(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            errors.Add("请填写当前密码。");
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            errors.Add("请填写新密码。");
        }
        else if (NewPassword != ConfirmPassword)
        {
            errors.Add("两次输入的新密码不一致。");
        }
        else if (NewPassword == CurrentPassword)
        {
            errors.Add("新密码不能与当前密码相同。");
        }

        if (errors.Count == 0)
        {
            if (await signIn.UserManager.GetUserAsync(User) is not { } user)
            {
                return Challenge();
            }

            var changed = await signIn.UserManager.ChangePasswordAsync(user, CurrentPassword, NewPassword);
            if (changed.Succeeded)
            {
                user.MustChangePassword = false;
                changed = await signIn.UserManager.UpdateAsync(user);
            }

            if (changed.Succeeded)
            {
                StaffAccountLog.PasswordChanged(logger, user.UserName ?? user.Id);
                // A new cookie without the must-change claim (the stamp changed with the password).
                await signIn.RefreshSignInAsync(user);
                TempData["Message"] = ChangedMessage;
                return LocalRedirect("/staff");
            }

            errors.AddRange(changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "当前密码不正确。" : e.Description));
        }

        Errors = errors;
        CurrentPassword = NewPassword = ConfirmPassword = string.Empty;
        return Page();
    }
}
