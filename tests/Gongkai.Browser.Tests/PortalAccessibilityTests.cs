using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Gongkai.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>
/// The portal for older people and screen-reader users (GB/T 37668-2019; issue #14): axe-core on every public page and
/// every page of the application flow, desktop and phone, with 0 serious or critical violations; keyboard use; the
/// 适老化 switch; the column, the category tree and the site search as a visitor uses them.
/// </summary>
public class PortalAccessibilityTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly string[] PublicPages =
    [
        "/", "/guide", "/policies", "/catalog", "/catalog?c=art20-13", "/reports", "/search", "/search?q=%E5%8C%BB%E7%96%97", "/apply", "/status",
    ];

    [Fact]
    public async Task EveryPublicPageAndTheApplicationFlow_DesktopAndPhone_HaveNoSeriousOrCriticalAxeViolations()
    {
        var (app, baseUrl) = LiveApp.Start();
        using var _ = app;
        await using var desktop = await browser.DesktopAsync(baseUrl);
        await using var phone = await browser.PhoneAsync(baseUrl);
        await Browser.RunAsync([desktop, phone], async () =>
        {
            var found = new List<string>();
            foreach (var (context, device) in new[] { (desktop, "desktop"), (phone, "phone") })
            {
                var page = await context.NewPageAsync();
                var firstPolicy = await new PortalChrome(page).FirstEntryAddressAsync("/policies");
                var firstItem = await new PortalChrome(page).FirstEntryAddressAsync("/catalog");
                foreach (var url in PublicPages.Append(firstPolicy).Append(firstItem))
                {
                    await page.GotoAsync(url);
                    found.AddRange(await SeriousAsync(page, device, url));
                    if (device == "phone")
                    {
                        await Layout.AssertFitsAsync(page);
                    }
                }

                await Browser.StepAsync(page, $"portal-{device}-item");

                // The application flow: the form, the acknowledgement, the status lookup.
                var apply = new ApplyPage(page);
                await apply.OpenAsync();
                await apply.FillAsync("钱某", "440106199001015674", "13900001111", "2025年本区医疗机构卫生监督抽检结果", new FilePayload { Name = "id.png", MimeType = "image/png", Buffer = Png });
                found.AddRange(await SeriousAsync(page, device, "/apply (filled)"));
                var (number, code) = await apply.SubmitAsync();
                found.AddRange(await SeriousAsync(page, device, "/apply (acknowledged)"));
                await new StatusPage(page).LookUpAsync(number, code);
                found.AddRange(await SeriousAsync(page, device, "/status (found)"));
                await new StatusPage(page).LookUpAsync(number, "000000");
                found.AddRange(await SeriousAsync(page, device, "/status (not found)"));
            }

            Assert.True(found.Count == 0, "axe-core found serious or critical violations:\n" + string.Join("\n", found));
        });
    }

    [Fact]
    public async Task Keyboard_SkipLinkSearchAndTheDisplaySwitch_WorkAndTheSwitchPersists()
    {
        var (app, baseUrl) = LiveApp.Start();
        using var _ = app;
        await using var desktop = await browser.DesktopAsync(baseUrl);
        await Browser.RunAsync([desktop], async () =>
        {
            var page = await desktop.NewPageAsync();
            var chrome = new PortalChrome(page);
            await page.GotoAsync("/");

            // The first Tab reaches the skip link, which is then visible; Enter moves the focus to the content.
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("跳到主要内容", await chrome.FocusedAsync());
            await Assertions.Expect(chrome.Link("跳到主要内容")).ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

            // The search box and the switch are reached with Tab; the outline shows where the focus is.
            await page.GotoAsync("/");
            for (var i = 0; i < 20 && await chrome.FocusedAsync() != "搜索本站"; i++)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            Assert.Equal("搜索本站", await chrome.FocusedAsync());
            Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
            await page.Keyboard.TypeAsync("医疗");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(chrome.Heading).ToHaveTextAsync("站内搜索");
            await Assertions.Expect(chrome.SearchHighlights.First).ToHaveTextAsync("医疗");
            await Browser.StepAsync(page, "portal-search");

            var before = await chrome.BodyFontSizeAsync();
            await chrome.Display("大字").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await chrome.Display("高对比").ClickAsync();
            await Assertions.Expect(chrome.Display("大字")).ToHaveAttributeAsync("aria-pressed", "true");
            Assert.True(await chrome.BodyFontSizeAsync() > before, "大字模式应放大正文");
            await page.GotoAsync("/catalog");
            Assert.Contains("a11y-large", await chrome.DisplayClassesAsync());
            Assert.Contains("a11y-contrast", await chrome.DisplayClassesAsync());
            Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
            await Browser.StepAsync(page, "portal-catalog-large-contrast");
            var found = (await SeriousAsync(page, "desktop", "/catalog (大字+高对比)")).ToList();
            Assert.True(found.Count == 0, string.Join("\n", found));

            await chrome.Display("恢复").ClickAsync();
            await page.ReloadAsync();
            Assert.DoesNotContain("a11y-", await chrome.DisplayClassesAsync());
        });
    }

    [Fact]
    public async Task Column_TreeAndFooter_VisitorBrowsesACategoryTableAndThePolicies()
    {
        var (app, baseUrl) = LiveApp.Start();
        using var _ = app;
        await using var desktop = await browser.DesktopAsync(baseUrl);
        await using var phone = await browser.PhoneAsync(baseUrl);
        await Browser.RunAsync([desktop, phone], async () =>
        {
            foreach (var (context, device) in new[] { (desktop, "desktop"), (phone, "phone") })
            {
                var page = await context.NewPageAsync();
                var chrome = new PortalChrome(page);
                await page.GotoAsync("/");
                await chrome.ColumnLink("法定主动公开内容").ClickAsync();
                var catalog = new CatalogTreePage(page);
                await catalog.ChooseAsync("财政预决算");
                await Assertions.Expect(catalog.Heading2).ToHaveTextAsync("财政预决算");
                await Assertions.Expect(catalog.ColumnHeader("生成日期")).ToBeVisibleAsync();
                await Assertions.Expect(catalog.Rows).ToHaveCountAsync(1);
                await Assertions.Expect(chrome.ColumnLink("法定主动公开内容")).ToHaveAttributeAsync("aria-current", "page");
                await Browser.StepAsync(page, $"portal-{device}-catalog-category");

                await chrome.ColumnLink("政府信息公开制度").ClickAsync();
                await Assertions.Expect(chrome.Heading).ToHaveTextAsync("示范县卫生健康局政府信息公开制度");
                await chrome.Link("示范县卫生健康局政府信息主动公开工作制度").ClickAsync();
                await Assertions.Expect(page.GetByText("文号：示卫办〔", new() { Exact = false })).ToBeVisibleAsync();
                await Assertions.Expect(chrome.Footer).ToContainTextAsync("主办单位：示范县卫生健康局（示例）");
                await Assertions.Expect(chrome.Footer).ToContainTextAsync("网站标识码：0000000000");
                await Browser.StepAsync(page, $"portal-{device}-policy");
            }
        });
    }

    /// <summary>The serious and critical violations axe-core finds on the page, one line each.</summary>
    private static async Task<IEnumerable<string>> SeriousAsync(IPage page, string device, string url)
    {
        AxeResult result = await page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe-core did not run on {url}");
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{device} {url}: [{v.Impact}] {v.Id} {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }
}
