using System.Text.RegularExpressions;
using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>承办人 and reminders as an officer uses them: assign a case from the work list, find it under 只看我的, see the reminders on the home page.</summary>
public class AssignmentBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Officer_AssignsACaseFromTheWorkList_FindsItUnderOnlyMine_RemindersOnTheHomePage()
    {
        var (app, baseUrl) = LiveApp.Start();
        using var _ = app;
        var user = await Staff.CreateAsync(app, "gongkaiban", StaffRoles.DisclosureOfficer);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.DisplayName = "王芳";
            Assert.True((await users.UpdateAsync(stored)).Succeeded);
        }

        await using var desktop = await browser.DesktopAsync(baseUrl);
        await Browser.RunAsync([desktop], async () =>
        {
            var page = await desktop.NewPageAsync();
            await new LoginPage(page).SignInAsync("gongkaiban", Staff.Password);
            await Assertions.Expect(new StaffHomePage(page).RemindersHeading).ToContainTextAsync("我的提醒");
            await Browser.StepAsync(page, "staff-home-reminders");

            var list = new StaffCasesPage(page);
            await list.OpenAsync();
            var firstRow = list.AssignableRows.First;
            var number = await StaffCasesPage.NumberOfAsync(firstRow);
            await list.AssignAsync("王芳", firstRow);
            await StaffStatus.ExpectAsync(page, "已将1件分配给王芳");
            await Assertions.Expect(StaffCasesPage.HandlerOf(list.Row(number))).ToHaveTextAsync("王芳");
            await Browser.StepAsync(page, "staff-worklist-assigned");

            await list.OnlyMineAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("assignee=me"));
            await Assertions.Expect(list.Count("1")).ToBeVisibleAsync();
            await Assertions.Expect(list.Rows).ToHaveCountAsync(1);
            Assert.Equal(number, await StaffCasesPage.NumberOfAsync(list.Rows.First));
            await Browser.StepAsync(page, "staff-worklist-only-mine");

            await list.OpenAsync(number);
            var @case = new CasePage(page);
            await Assertions.Expect(@case.HandlerName).ToHaveTextAsync("王芳");
            await Assertions.Expect(@case.History).ToContainTextAsync("指定承办人（王芳）");
            await Browser.StepAsync(page, "staff-case-handler");
        });
    }
}
