using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Account;

/// <summary>Staff sign-in: password, lockout after 5 failures for 15 minutes, disabled accounts refused.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormRateLimit.Policy)]
public sealed class LoginModel(SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff");
        }

        Error = result.IsLockedOut ? "登录失败次数过多，账号已锁定15分钟，请稍后再试。"
            : result.IsNotAllowed ? "该账号已停用，请联系系统管理员。"
            : "用户名或密码不正确。";
        Password = string.Empty;
        return Page();
    }
}
