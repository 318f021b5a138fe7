using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>申请查询: a placeholder until the online form is built on the case store.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormRateLimit.Policy)]
public sealed class StatusModel : PageModel
{
    public void OnGet()
    {
    }
}
