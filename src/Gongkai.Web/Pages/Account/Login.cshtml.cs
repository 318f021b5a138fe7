using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

/// <summary>
/// Staff sign-in: password, lockout after 5 failures for 15 minutes (an administrator may unlock earlier), attempts
/// limited per client address and per account (<see cref="SignInThrottle"/>). Every failure gets the same message,
/// so the page never tells whether an account exists, is disabled or is locked.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<StaffUser> signIn, SignInThrottle throttle, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>The one answer to every failed sign-in.</summary>
    public const string FailedMessage = "登录失败：用户名或密码不正确，或该账号暂不能登录。连续输错5次密码的账号将锁定15分钟，可请系统管理员解锁。";

    public const string ThrottledMessage = "登录尝试过于频繁，请稍后再试。";

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

        var userName = UserName.Trim();
        if (!throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress?.ToString(), userName))
        {
            Error = ThrottledMessage;
            Password = string.Empty;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(userName);
        var wasLockedOut = user is not null && await signIn.UserManager.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(userName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff");
        }

        if (result.IsLockedOut && user is not null && !wasLockedOut)
        {
            StaffAccountLog.LockedOut(logger, user.UserName ?? userName);
        }

        Error = FailedMessage;
        Password = string.Empty;
        return Page();
    }
}
