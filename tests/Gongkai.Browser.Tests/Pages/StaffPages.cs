using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests.Pages;

/// <summary>The sign-in page, as a person uses it: by its labels and buttons.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        // The address is what a person checks; waiting for the page's load event as well timed out on a busy
        // machine although the back office was already shown.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/staff/?$"), new() { Timeout = 60_000 });
    }
}

/// <summary>The back office's annual report page.</summary>
public sealed class ReportPage(IPage page)
{
    public async Task OpenYearAsync(int year)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "后台导航" }).GetByRole(AriaRole.Link, new() { Name = "年度报告" }).ClickAsync();
        await page.GetByLabel("年度").SelectOptionAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await page.WaitForURLAsync($"**/staff/reports?year={year}");
    }

    public Task WriteSectionAsync(string heading, string text) => page.GetByLabel(heading + " 正文").FillAsync(text);

    public async Task PublishAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "发布到门户" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已发布到门户网站" }).WaitForAsync();
    }

    public ILocator Status => page.Locator(".status .badge");
}
