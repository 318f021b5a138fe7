using Gongkai.Data.Records;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// 当前单位: the agency a person who works for several is working in. The choice is a cookie, checked on every request
/// against the person's memberships (<see cref="StaffContext"/>); the back office then opens at its start page, since
/// the page shown before belonged to the other agency.
/// </summary>
public sealed class AgencyModel(StaffContext staff) : PageModel
{
    public IReadOnlyList<AgencyRecord> Agencies { get; private set; } = [];

    public int? CurrentId { get; private set; }

    public void OnGet()
    {
        Agencies = staff.Current?.Agencies ?? [];
        CurrentId = staff.Current?.Current?.Id;
    }

    /// <summary>Switches, then opens <paramref name="returnUrl"/> when it is a back-office address, else the start page.</summary>
    public IActionResult OnPost([FromForm] int? agencyId, [FromForm] string? returnUrl = null)
    {
        var offered = staff.Current?.Agencies ?? [];
        if (agencyId is not { } id || offered.All(a => a.Id != id))
        {
            TempData["Error"] = "请从列表中选择您任职的单位。";
            return RedirectToPage();
        }

        Response.Cookies.Append(StaffContext.CookieName, id.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
        TempData["Message"] = $"当前单位已切换为：{offered.First(a => a.Id == id).Name}。";
        return Redirect(returnUrl is { } back && Url.IsLocalUrl(back) && back.StartsWith("/staff/", StringComparison.Ordinal) ? back : "/staff");
    }
}
