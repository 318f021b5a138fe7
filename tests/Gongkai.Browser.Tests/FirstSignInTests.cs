using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>An account an administrator made: its first sign-in goes to 修改密码, and only then to the back office.</summary>
public class FirstSignInTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task NewAccount_FirstSignIn_MustChangeThePassword_ThenSeesTheBackOfficeWithTheirName()
    {
        var (app, baseUrl) = LiveApp.Start();
        using var _ = app;
        var user = await Staff.CreateAsync(app, "wangfang", StaffRoles.DisclosureOfficer);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.DisplayName = "王芳";
            stored.MustChangePassword = true;
            Assert.True((await users.UpdateAsync(stored)).Succeeded);
        }

        await using var desktop = await browser.DesktopAsync(baseUrl);
        await using var phone = await browser.PhoneAsync(baseUrl);
        await Browser.RunAsync([desktop, phone], async () =>
        {
            var page = await phone.NewPageAsync();
            var password = new PasswordPage(page);
            await password.SignInAndLandHereAsync("wangfang", Staff.Password);
            await Assertions.Expect(password.Forced).ToContainTextAsync("请先设置自己的密码");
            await page.GotoAsync("/staff/cases");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password$"));
            await password.ChangeAsync(Staff.Password, "wang-fang-2026", "wang-fang-2027");
            await Assertions.Expect(password.Errors).ToContainTextAsync("两次输入的新密码不一致。");
            await Layout.AssertFitsAsync(page);
            await Browser.StepAsync(page, "phone-first-sign-in-password");
            await password.ChangeAsync(Staff.Password, "wang-fang-2026");
            await StaffStatus.ExpectAsync(page, "密码已修改。");
            await Assertions.Expect(password.Who).ToHaveTextAsync("王芳");
            await Browser.StepAsync(page, "phone-first-sign-in-done");

            var again = await desktop.NewPageAsync();
            await new LoginPage(again).SignInAsync("wangfang", "wang-fang-2026");
            await Assertions.Expect(new PasswordPage(again).Who).ToHaveTextAsync("王芳");
        });
    }
}
