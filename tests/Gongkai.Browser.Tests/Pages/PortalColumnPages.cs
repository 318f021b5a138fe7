using Microsoft.Playwright;

namespace Gongkai.Browser.Tests.Pages;

/// <summary>What every public page has (issue #14): the header's search box, the 适老化 switch, the column's navigation, the footer.</summary>
public sealed class PortalChrome(IPage page)
{
    /// <summary>Searches from the header's box by typing and pressing Enter (as with the keyboard alone).</summary>
    public async Task SearchAsync(string words)
    {
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索本站" }).FillAsync(words);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索本站" }).PressAsync("Enter");
    }

    /// <summary>A button of the 适老化/无障碍 switch: 大字, 高对比, 宽行距, 恢复.</summary>
    public ILocator Display(string name) => page.GetByRole(AriaRole.Group, new() { Name = "适老化与无障碍" }).GetByRole(AriaRole.Button, new() { Name = name });

    public ILocator ColumnLink(string name) => page.GetByRole(AriaRole.Navigation, new() { Name = "政府信息公开栏目" }).GetByRole(AriaRole.Link, new() { Name = name });

    public ILocator Footer => page.GetByRole(AriaRole.Contentinfo);

    /// <summary>A link anywhere on the page, by its name.</summary>
    public ILocator Link(string name) => page.GetByRole(AriaRole.Link, new() { Name = name });

    /// <summary>The words a search result marks (highlighted).</summary>
    public ILocator SearchHighlights => page.Locator(".search-hits mark");

    /// <summary>The address of the first entry of a listing page (/policies, /catalog).</summary>
    public async Task<string> FirstEntryAddressAsync(string listing)
    {
        await page.GotoAsync(listing);
        return (await page.Locator("main table a").First.GetAttributeAsync("href"))!;
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The classes the switch put on the page (<c>a11y-large</c>, <c>a11y-contrast</c>, <c>a11y-spacing</c>).</summary>
    public Task<string> DisplayClassesAsync() => page.EvaluateAsync<string>("document.documentElement.className");

    /// <summary>The computed font size of the body, in CSS pixels.</summary>
    public Task<double> BodyFontSizeAsync() => page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");

    /// <summary>The element that has the keyboard focus: its text or its accessible label.</summary>
    public Task<string> FocusedAsync() => page.EvaluateAsync<string>(
        "(document.activeElement.getAttribute('aria-label') || (document.activeElement.labels && document.activeElement.labels.length ? document.activeElement.labels[0].textContent : '') || document.activeElement.textContent || document.activeElement.id || '').trim()");
}

/// <summary>法定主动公开内容 (/catalog): the category tree and the table of a category.</summary>
public sealed class CatalogTreePage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/catalog");

    public Task ChooseAsync(string category) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "法定主动公开内容分类" }).GetByRole(AriaRole.Link, new() { Name = category, Exact = true }).ClickAsync();

    public ILocator ColumnHeader(string name) => page.GetByRole(AriaRole.Columnheader, new() { Name = name });

    public ILocator Rows => page.Locator("table.listing tbody tr");

    public ILocator Heading2 => page.Locator("#listing-heading");
}
