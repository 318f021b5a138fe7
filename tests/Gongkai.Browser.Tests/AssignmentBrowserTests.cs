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
            await Assertions.Expect(page.Locator("#reminders-heading")).ToContainTextAsync("我的提醒");
            await Browser.StepAsync(page, "staff-home-reminders");

            await page.GotoAsync("/staff/cases");
            var firstRow = page.Locator("table.cases tbody tr").Filter(new() { Has = page.Locator("input[name='ids']") }).First;
            var number = await firstRow.Locator("a").First.InnerTextAsync();
            await firstRow.Locator("input[name='ids']").CheckAsync();
            await page.GetByLabel("把勾选的案件分配给").SelectOptionAsync(new SelectOptionValue { Label = "王芳" });
            await page.GetByRole(AriaRole.Button, new() { Name = "分配给…" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已将1件分配给王芳");
            var row = page.Locator("table.cases tbody tr").Filter(new() { HasText = number });
            await Assertions.Expect(row.Locator("td.handler")).ToHaveTextAsync("王芳");
            await Browser.StepAsync(page, "staff-worklist-assigned");

            await page.GetByRole(AriaRole.Link, new() { Name = "只看我的" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("assignee=me"));
            await Assertions.Expect(page.GetByText("共 1 件").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("table.cases tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("table.cases tbody tr a").First).ToHaveTextAsync(number);
            await Browser.StepAsync(page, "staff-worklist-only-mine");

            await page.Locator("table.cases tbody tr a").First.ClickAsync();
            await Assertions.Expect(page.Locator("#handler-name")).ToHaveTextAsync("王芳");
            await Assertions.Expect(page.Locator(".case-history")).ToContainTextAsync("指定承办人（王芳）");
            await Browser.StepAsync(page, "staff-case-handler");
        });
    }
}
