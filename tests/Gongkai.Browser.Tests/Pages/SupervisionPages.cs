using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests.Pages;

/// <summary>监督's dashboard (/staff/supervision): every agency of the tree for a year, filtered and exported.</summary>
public sealed class SupervisionDashboardPage(IPage page)
{
    /// <summary>Opens 监督 from the header, as the 政务公开办 does.</summary>
    public async Task OpenAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "监督" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/staff/supervision"));
    }

    /// <summary>Filters by year and, when given, by agency type (its label, e.g. 乡镇街道).</summary>
    public async Task FilterAsync(int year, string? agencyType = null)
    {
        await page.GetByLabel("报告年度").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        if (agencyType is not null)
        {
            await page.GetByLabel("机关类型").SelectOptionAsync(new SelectOptionValue { Label = agencyType });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
    }

    /// <summary>An agency's row link in the dashboard's table.</summary>
    public ILocator Agency(string name) => page.Locator("#dashboard").GetByRole(AriaRole.Link, new() { Name = name });

    /// <summary>Presses 导出 CSV and reads the downloaded file.</summary>
    public async Task<string> ExportCsvAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 CSV" }).ClickAsync());
        return await File.ReadAllTextAsync(await download.PathAsync());
    }
}

/// <summary>上传已发布年报 (/staff/supervision/uploads): published reports read, matched to agencies, confirmed.</summary>
public sealed class SupervisionUploadPage(IPage page)
{
    /// <summary>Uploads the files and waits for the page that lists what was read.</summary>
    public async Task UploadAsync(params string[] files)
    {
        await page.GotoAsync("/staff/supervision/uploads");
        await page.Locator("input[type=file][name=files]").SetInputFilesAsync(files);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并读取" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/staff/supervision/uploads/[^/]+$"), new() { Timeout = 60_000 });
    }

    /// <summary>One row per uploaded file.</summary>
    public ILocator Rows => page.Locator("#uploads tbody tr");

    /// <summary>The agency chosen for an uploaded file (by its file name).</summary>
    public ILocator AgencyOf(string file) => page.Locator($"#uploads tbody tr[data-file='{Path.GetFileName(file)}'] select");

    public Task ChooseAgencyAsync(string file, int agencyId) =>
        AgencyOf(file).SelectOptionAsync(new SelectOptionValue { Value = agencyId.ToString(CultureInfo.InvariantCulture) });

    public Task ConfirmAsync() => page.GetByRole(AriaRole.Button, new() { Name = "确认并保存所选报告" }).ClickAsync();
}

/// <summary>汇总 (/staff/supervision/rollup): the year's totals of the tree, where each part comes from, and the chart.</summary>
public sealed class SupervisionRollupPage(IPage page)
{
    public Task OpenAsync(int year) => page.GotoAsync(string.Create(CultureInfo.InvariantCulture, $"/staff/supervision/rollup?year={year}"));

    /// <summary>An agency's row in the list of parts (with where its figures come from).</summary>
    public ILocator Part(string agency) => page.Locator("#parts").Locator("tr", new() { HasText = agency });

    public ILocator Chart => page.Locator("#rollup-chart");

    /// <summary>Whether the chart library was loaded (it is served by the application, not a CDN).</summary>
    public Task<bool> ChartLibraryLoadedAsync() => page.EvaluateAsync<bool>("typeof Chart !== 'undefined'");
}
