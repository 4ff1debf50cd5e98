using Microsoft.Playwright;

namespace Runwire.WebConsole.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, launched by its executable path (Playwright's own browser download is never
/// used; scripts/install-browser.sh installs the package). Screenshots go to <c>screenshots/</c> under the test output
/// folder, and each one's path is written to the test's output.
/// </summary>
internal sealed class ConsoleBrowser : IAsyncDisposable
{
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<ConsoleBrowser> OpenAsync(Uri baseAddress)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable(), Headless = true });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new ConsoleBrowser(playwright, browser, context, page);
    }

    /// <summary>Saves the whole page as <c>screenshots/&lt;name&gt;.png</c> and says where.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        TestContext.Current.AddAttachment(name, await File.ReadAllBytesAsync(path), "image/png");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string Executable()
    {
        // The binary itself rather than Debian's /usr/bin/chromium wrapper script; RUNWIRE_CHROMIUM names another one.
        string[] candidates = [Environment.GetEnvironmentVariable("RUNWIRE_CHROMIUM") ?? "", "/usr/lib/chromium/chromium", "/usr/bin/chromium"];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("No Chromium found: run scripts/install-browser.sh (Debian's chromium package) or set RUNWIRE_CHROMIUM.");
    }
}
