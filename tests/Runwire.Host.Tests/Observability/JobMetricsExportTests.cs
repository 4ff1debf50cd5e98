using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Runwire.Core.Contracts;
using Runwire.Core.Telemetry;
using Runwire.Host.Tests.Support;
using Runwire.ServiceDefaults;

namespace Runwire.Host.Tests.Observability;

/// <summary>
/// The Prometheus names and labels that <see cref="JobMetrics"/> gets through the service defaults' exporter. This
/// checks the naming the dashboard relies on, in this process; whether a host records them is
/// <see cref="DashboardMetricsTests"/>' question.
/// </summary>
public sealed partial class JobMetricsExportTests
{
    [Fact]
    public async Task JobMetrics_ThroughTheServiceDefaults_ExportUnderTheNamesAndLabelsTheDashboardQueries()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.AddServiceDefaults(serviceName: "metrics-test");
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var now = DateTimeOffset.UtcNow;
        var ok = new ExecutionResult(Guid.NewGuid(), null, [], [],
            new MeasuredSteps(PureExecution: new MeasuredStep("PURE_EXECUTION", now, now.AddMilliseconds(3))));
        var failed = new ExecutionResult(Guid.NewGuid(), new ExecutionError("ValueError", "no", ProcessStage.EXECUTING_COMPONENT_CODE), [], [], new MeasuredSteps());
        JobMetrics.OnReceived(RunwireTelemetry.Transports.Cli);
        JobMetrics.OnAnswered(ok, RunwireTelemetry.Transports.Cli, TimeSpan.FromMilliseconds(4));
        JobMetrics.OnAnswered(failed, RunwireTelemetry.Transports.Cli, TimeSpan.FromMilliseconds(2));
        JobMetrics.OnDuplicate(RunwireTelemetry.Transports.Cli);
        JobMetrics.OnDeadLettered(RunwireTelemetry.Transports.Cli);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var scrape = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        await app.StopAsync(TestContext.Current.CancellationToken);

        var lines = scrape.Split('\n').Where(l => l.StartsWith("runwire_", StringComparison.Ordinal)).ToList();
        var queried = DashboardRunwireMetrics();
        Assert.Equal(7, queried.Count);
        foreach (var metric in queried)
        {
            Assert.True(lines.Any(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains("runwire_transport=\"cli\"", StringComparison.Ordinal)),
                $"{metric} not exported with runwire_transport:\n{scrape}");
        }
        Assert.Contains(lines, l => l.StartsWith("runwire_jobs_failed_total{", StringComparison.Ordinal)
            && l.Contains("error_type=\"ValueError\"", StringComparison.Ordinal)
            && l.Contains("runwire_process_stage=\"EXECUTING_COMPONENT_CODE\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("runwire_job_duration_seconds_bucket{", StringComparison.Ordinal)
            && l.Contains("runwire_outcome=\"failure\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("runwire_step_duration_seconds_bucket{", StringComparison.Ordinal)
            && l.Contains("runwire_step=\"PURE_EXECUTION\"", StringComparison.Ordinal));
    }

    /// <summary>The job counters' and histograms' series the dashboard selects (not the standalone host's gauges).</summary>
    private static List<string> DashboardRunwireMetrics()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "dashboards", "grafana", "runwire.json")))!;
        return [.. dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]?.AsArray() ?? [])
            .SelectMany(t => RunwireSelector().Matches(t!["expr"]!.GetValue<string>()))
            .Select(m => m.Groups[1].Value)
            .Where(m => m is not ("runwire_queue_depth" or "runwire_jobs_in_flight"))
            .Distinct()];
    }

    [GeneratedRegex(@"(runwire_[a-z_]+)\{")]
    private static partial Regex RunwireSelector();
}
