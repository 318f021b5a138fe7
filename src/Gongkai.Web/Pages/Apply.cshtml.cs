using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>在线申请: a placeholder until the online form is built on the case store.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormRateLimit.Policy)]
public sealed class ApplyModel : PageModel
{
    public void OnGet()
    {
    }
}
