using System.Runtime.CompilerServices;
using Gongkai.TestSupport;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download: it is not reachable here).
/// One browser per test class; each test opens its own contexts.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    /// <summary>Where screenshots go: artifacts/screenshots in the repository (failures, and each test's steps).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(Paths.RepoRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException("Chromium is not installed: apt-get install -y chromium fonts-noto-cjk (build/install-prereqs.sh does it).");
        }

        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A desktop browser context.</summary>
    public Task<IBrowserContext> DesktopAsync(string baseUrl) => PatientAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl,
        Locale = "zh-CN",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    /// <summary>A phone: 390×844, touch, mobile layout.</summary>
    public Task<IBrowserContext> PhoneAsync(string baseUrl) => PatientAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl,
        Locale = "zh-CN",
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    });

    /// <summary>
    /// A context that waits up to 60 s for pages and 15 s for expectations: CI shares two cores between the app, the
    /// browser and other test assemblies, and a slow page is not a wrong page.
    /// </summary>
    private async Task<IBrowserContext> PatientAsync(BrowserNewContextOptions options)
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        var context = await Instance.NewContextAsync(options);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>Runs a test's steps; when they fail, saves a screenshot of every open page, then rethrows.</summary>
    public static async Task RunAsync(IEnumerable<IBrowserContext> contexts, Func<Task> steps, [CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotFolder);
            var i = 0;
            foreach (var page in contexts.SelectMany(c => c.Pages))
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"FAILED-{test}-{i++}.png"), FullPage = true });
            }

            throw;
        }
    }

    /// <summary>Saves a screenshot of a step (for people to look at), under artifacts/screenshots.</summary>
    public static Task StepAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
