using Gongkai.Application.Reminders;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Reminders;

/// <summary>The staff home's 我的提醒 panel: the person's cases in the current agency due within its 提前提醒的工作日数 or overdue.</summary>
public sealed class MyRemindersViewComponent(CurrentAgency agency, ListMyReminders reminders, UserManager<StaffUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (users.GetUserId(HttpContext.User) is not { } me)
        {
            return Content(string.Empty);
        }

        var current = await agency.GetAsync(HttpContext.RequestAborted);
        var group = await reminders.ExecuteAsync(me, current.Id, HttpContext.RequestAborted);
        return View("~/Pages/Staff/_MyReminders.cshtml", group);
    }
}
