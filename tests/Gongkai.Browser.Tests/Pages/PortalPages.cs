using Microsoft.Playwright;

namespace Gongkai.Browser.Tests.Pages;

/// <summary>What a person checks on any page of a phone: the page itself does not scroll sideways.</summary>
public static class Layout
{
    /// <summary>How many CSS pixels the page is wider than the window (0 or less: it fits).</summary>
    /// <remarks>The widest of the page and its body (a body that clips its overflow hides a table wider than the screen).</remarks>
    public static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth");

    public static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await OverflowAsync(page);
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen");
    }
}

/// <summary>依申请公开 online (/apply), as an applicant fills it in.</summary>
public sealed class ApplyPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/apply");

    /// <summary>The agency chosen in the 受理机关 list (its visible name).</summary>
    public Task<string> ChosenAgencyAsync() => page.Locator("#AgencyId option:checked").InnerTextAsync();

    /// <summary>Types a few characters into the filter box above the agency list and picks the first match.</summary>
    public async Task FilterAgencyAsync(string words) => await page.GetByLabel("筛选机关").FillAsync(words);

    public async Task FillAsync(string name, string idNumber, string phone, string description, FilePayload proof)
    {
        await page.GetByLabel("姓名或名称").FillAsync(name);
        await page.GetByLabel("身份证明号码").FillAsync(idNumber);
        await page.GetByLabel("电话").FillAsync(phone);
        await page.GetByLabel("特征性描述").FillAsync(description);
        await page.GetByLabel("上传身份证明").SetInputFilesAsync(proof);
    }

    /// <summary>Submits a form that has errors; the page shows them at their fields.</summary>
    public Task SubmitWithErrorsAsync() => page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

    /// <summary>The error shown beside a field (<c>err-IdNumber</c>…).</summary>
    public ILocator FieldError(string field) => page.Locator("#err-" + field);

    /// <summary>After submitting: the agency the application went to.</summary>
    public ILocator AppliedTo => page.Locator("#applied-to");

    /// <summary>The receipt (回执) PDF offered after submitting.</summary>
    public Task<IDownload> DownloadReceiptAsync() =>
        page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载回执（PDF）" }).ClickAsync());

    /// <summary>Submits the form; the application's number and one-time query code as the page shows them.</summary>
    public async Task<(string Number, string Code)> SubmitAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        var number = (await page.Locator("#case-number").InnerTextAsync()).Trim();
        var code = (await page.Locator("#query-code").InnerTextAsync()).Trim();
        return (number, code);
    }
}

/// <summary>申请查询 (/status): an applicant looks up an application with its number and query code.</summary>
public sealed class StatusPage(IPage page)
{
    public async Task LookUpAsync(string number, string code)
    {
        await page.GotoAsync("/status");
        await page.GetByLabel("申请编号").FillAsync(number);
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
    }

    public ILocator Text(string text) => page.GetByText(text, new() { Exact = true });

    /// <summary>Sends a 补正 (Art. 30): the text and a file.</summary>
    public async Task SupplementAsync(string text, FilePayload file)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "补正说明" }).FillAsync(text);
        await page.Locator("input[name=supplementFiles]").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
    }

    /// <summary>撤回: ticks the confirmation and presses the button.</summary>
    public async Task WithdrawAsync()
    {
        await page.GetByLabel("我确认撤回本申请").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "撤回申请" }).ClickAsync();
    }

    /// <summary>The deadlines as the page lists them.</summary>
    public ILocator Deadlines => page.Locator("#deadlines");

    /// <summary>Downloads a file by its button's name; the download.</summary>
    public Task<IDownload> DownloadFileAsync(string button) =>
        page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());

    /// <summary>Downloads a notice by its button's name; the file's suggested name.</summary>
    public async Task<string> DownloadAsync(string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        return download.SuggestedFilename;
    }
}

/// <summary>The public catalogue (/catalog): search by a few characters, an item's page.</summary>
public sealed class PortalCatalogPage(IPage page)
{
    public async Task SearchAsync(string text)
    {
        await page.GotoAsync("/catalog");
        // The catalogue's own box (the header's site search is another searchbox on every page).
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "查找", Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "查找", Exact = true }).PressAsync("Enter");
    }

    public Task OpenItemAsync(string title) => page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Attachment(string name) => page.GetByRole(AriaRole.Link, new() { Name = name });
}

/// <summary>The portal's annual reports, reached from the home page.</summary>
public sealed class PortalReportPage(IPage page)
{
    public async Task OpenFromHomeAsync(string title, int year)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "政府信息公开栏目" }).GetByRole(AriaRole.Link, new() { Name = "政府信息公开年报", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.WaitForURLAsync($"**/reports/{year}");
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Text(string text) => page.GetByText(text);

    public ILocator WordDownload => page.GetByRole(AriaRole.Link, new() { Name = "下载 Word 文档" });
}

/// <summary>The government's home page (/): the list of every agency's column.</summary>
public sealed class PortalHomePage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/");

    /// <summary>Opens an agency's column from the list of agencies.</summary>
    public Task OpenAgencyAsync(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>Follows a link of the column's navigation.</summary>
    public Task NavigateAsync(string name) => page.GetByRole(AriaRole.Navigation, new() { Name = "政府信息公开栏目" }).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
}
