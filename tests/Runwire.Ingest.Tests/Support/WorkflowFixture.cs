using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Dapr.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Runwire.Ingest.Tests.Support;

/// <summary>Sidecar, executor, adapters and ingest, started once for a test class (the sidecar takes one worker only).</summary>
public sealed class WorkflowFixture : IAsyncLifetime
{
    public DurableTaskSidecar Sidecar { get; private set; } = null!;

    public ExecutorService Executor { get; private set; } = null!;

    public AdapterService Adapters { get; private set; } = null!;

    public FakeDapr Dapr { get; } = new();

    public IngestHost Ingest { get; private set; } = null!;

    public IDaprWorkflowClient Workflows => Ingest.Services.GetRequiredService<IDaprWorkflowClient>();

    public ValueTask InitializeAsync() => StartAsync();

    /// <summary>
    /// Starts everything; <paramref name="traceActivities"/> says whether the sidecar hands activities a trace context
    /// (daprd does when it traces), <paramref name="spans"/> turns tracing on in ingest and collects its spans,
    /// <paramref name="configure"/> adds settings or services to ingest; the executor also serves the revisions persisted
    /// in <paramref name="executorData"/>.
    /// </summary>
    public async ValueTask StartAsync(bool traceActivities = true, ICollection<Activity>? spans = null, Action<IWebHostBuilder>? configure = null,
        string? executorData = null)
    {
        Sidecar = await DurableTaskSidecar.StartAsync(traceActivities);
        Executor = await ExecutorService.StartAsync(executorData);
        Adapters = await AdapterService.StartAsync();
        Ingest = new IngestHost(Sidecar, Executor.Address, Adapters.Address, Dapr, spans, configure);
        _ = Ingest.Server; // starts the host and its workflow worker
    }

    public async Task<WorkflowState> WaitAsync(string jobId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        return await Workflows.WaitForWorkflowCompletionAsync(jobId, true, timeout.Token);
    }

    /// <summary>Delivers a record like daprd and returns the status ingest answers with.</summary>
    public async Task<string> DeliverAsync(HttpRequestMessage request)
    {
        using var response = await Ingest.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["status"]!.GetValue<string>();
    }

    /// <summary>Waits for the job's workflow and returns the one result published for it.</summary>
    public async Task<(JsonNode Json, Published Call)> PublishedResultAsync(string jobId)
    {
        var state = await WaitAsync(jobId);
        Assert.True(state.RuntimeStatus == WorkflowRuntimeStatus.Completed, $"{state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
        var call = Assert.Single(Dapr.Publishes, p => JsonNode.Parse(p.Data)!["job_id"]!.GetValue<string>() == jobId);
        Assert.Equal(("jobs-pubsub", "designer_job_result", "application/json"), (call.PubSub, call.Topic, call.ContentType));
        return (JsonNode.Parse(call.Data)!, call);
    }

    public async ValueTask DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Adapters.DisposeAsync();
        await Executor.DisposeAsync();
        await Sidecar.DisposeAsync();
    }
}
