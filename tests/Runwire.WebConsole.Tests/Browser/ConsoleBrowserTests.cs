using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Runwire.Host.Tests.Support;
using Runwire.Testing;
using Runwire.WebConsole.Tests.Support;

namespace Runwire.WebConsole.Tests.Browser;

/// <summary>The console in a real browser, against a running standalone host with the Kafka transport on.</summary>
public sealed partial class ConsoleBrowserTests : IDisposable
{
    private const string RulWorkflow = "806df1b9-2fc8-4463-943f-3d258c569663";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RulJobFromTheForm_FailingJob_KafkaJob_AllShownAsAUserSeesThem()
    {
        using var broker = new TestBroker();
        await using var host = await InProcessHost.StartAsync(_dir.Path, broker.Bootstrap);
        await using var browser = await ConsoleBrowser.OpenAsync(host.Http.BaseAddress!);
        var page = browser.Page;

        // The catalog, and the RUL workflow's page with its graph and run form.
        await page.GotoAsync("/console/transformations");
        var rulLink = page.Locator("#transformations a", new() { HasText = "Univariate Linear RUL Regression Example" });
        await Assertions.Expect(rulLink).ToHaveCountAsync(1);
        Assert.True(await page.Locator("#transformations tbody tr").CountAsync() > 50);
        await browser.ScreenshotAsync("transformations");
        await rulLink.ClickAsync();
        await page.WaitForURLAsync($"**/console/transformations/{RulWorkflow}");
        Assert.True(await page.Locator("#graph g.node.operator").CountAsync() >= 2);
        await browser.ScreenshotAsync("transformation-rul");

        // The README's main job, plots on, through the form.
        await page.Locator("#run-form textarea").FillAsync(await File.ReadAllTextAsync(Paths.Example("rul-exec-by-id.json"), TestContext.Current.CancellationToken));
        await page.Locator("#run-form input[name=plots]").CheckAsync();
        await page.Locator("#run-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(JobUrl());
        var rulJob = JobUrl().Match(page.Url).Groups[1].Value;

        // It shows up in the list; from there to its page, where the prediction plot is drawn.
        await page.GotoAsync("/");
        var row = page.Locator($"tr[data-job='{rulJob}']");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("succeeded");
        await Assertions.Expect(row).ToContainTextAsync("Univariate Linear RUL Regression Example");
        await browser.ScreenshotAsync("jobs");
        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/console/jobs/{rulJob}");
        var plot = page.Locator("[data-output='rul_regression_result_plot'] .figure");
        await Assertions.Expect(plot).ToHaveAttributeAsync("data-plotted", "2");
        // Plotly drew an SVG with one line per trace of the figure: the measured series and the regression.
        await Assertions.Expect(plot.Locator("svg.main-svg .scatterlayer g.trace")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-output='intercept'] pre.value")).ToContainTextAsync("2.81");
        Assert.True(await page.Locator("#steps .step").CountAsync() >= 3);
        await Assertions.Expect(page.Locator("#request")).ToContainTextAsync("characters)");
        await browser.ScreenshotAsync("job-rul");

        // A failing job: its error type, stage and traceback.
        var divide = Guid.NewGuid();
        using (var posted = await host.Http.PostAsync(new Uri("/jobs", UriKind.Relative),
            new StringContent(TestJobs.DivideByZero(divide), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
        await page.GotoAsync($"/console/jobs/{divide}");
        await Assertions.Expect(page.Locator("#error-stage")).ToHaveTextAsync("EXECUTING_COMPONENT_CODE");
        await Assertions.Expect(page.Locator("#error-type")).ToHaveTextAsync("ZeroDivisionError");
        await Assertions.Expect(page.Locator("#error-message")).ToHaveTextAsync("division by zero");
        await Assertions.Expect(page.Locator("#error-operator")).ToHaveTextAsync("the transformation itself");
        await Assertions.Expect(page.Locator("#traceback")).ToContainTextAsync("ZeroDivisionError: division by zero");
        await browser.ScreenshotAsync("job-failed");

        // A Kafka job arriving while the list is open appears in it, without the page being loaded again.
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { window.runwireTestMarker = 'still the same page'; }");
        var key = $"console-{Guid.NewGuid():N}";
        using (var producer = new JobProducer(broker.Bootstrap))
        {
            await producer.SendAsync(key, TestJobs.ById(42));
        }
        var kafkaRow = page.Locator("#job-rows tr", new() { HasText = key });
        await Assertions.Expect(kafkaRow.Locator(".badge")).ToHaveTextAsync("succeeded");
        await Assertions.Expect(kafkaRow).ToContainTextAsync("kafka");
        Assert.Equal("still the same page", await page.EvaluateAsync<string>("() => window.runwireTestMarker"));
        await browser.ScreenshotAsync("jobs-with-kafka");

        // Health: the gauges and the failure of the Divide job by its stage.
        await page.GotoAsync("/console/health");
        await Assertions.Expect(page.Locator("#queue-depth")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#failures")).ToContainTextAsync("EXECUTING_COMPONENT_CODE");
        await Assertions.Expect(page.Locator("#health .figure")).ToHaveAttributeAsync("data-plotted", "2");
        await browser.ScreenshotAsync("health");
    }

    [Fact]
    public async Task AuthOn_BrowserAskedForAKeyOnce_ThenPagesAndTheRunFormWork()
    {
        await using var host = await InProcessHost.StartAsync(_dir.Path, null, AuthProbe.Arguments(daprAppToken: false));
        await using var browser = await ConsoleBrowser.OpenAsync(host.Http.BaseAddress!);
        var page = browser.Page;

        await page.GotoAsync("/console/transformations");
        await page.WaitForURLAsync("**/console/login?return=%2Fconsole%2Ftransformations");
        await browser.ScreenshotAsync("login");
        await page.Locator("input[name=key]").FillAsync("not-a-configured-key-at-all");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/console/login?return=*");

        await page.Locator("input[name=key]").FillAsync(AuthProbe.OperatorKey);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/console/transformations");
        await Assertions.Expect(page.Locator("#transformations")).ToBeVisibleAsync();
        Assert.Equal(200, await page.EvaluateAsync<int>("async () => (await fetch('/jobs')).status"));

        await page.GotoAsync($"/console/transformations/{TestJobs.PassThroughInt}");
        await page.Locator("#run-form textarea").FillAsync(TestJobs.ById(7));
        await page.Locator("#run-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(JobUrl());
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync("succeeded");

        // Without the console's header a cross-site form post carries the cookie in vain.
        Assert.Equal(401, await page.EvaluateAsync<int>(
            "async () => (await fetch('/jobs', { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } })).status"));
    }

    [GeneratedRegex(@"/console/jobs/([0-9a-f-]{36})$")]
    private static partial Regex JobUrl();
}
