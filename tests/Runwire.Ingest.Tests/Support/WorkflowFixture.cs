using Dapr.Workflow;
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

    public async ValueTask InitializeAsync()
    {
        Sidecar = await DurableTaskSidecar.StartAsync();
        Executor = await ExecutorService.StartAsync();
        Adapters = await AdapterService.StartAsync();
        Ingest = new IngestHost(Sidecar, Executor.Address, Adapters.Address, Dapr);
        _ = Ingest.Server; // starts the host and its workflow worker
    }

    public async Task<WorkflowState> WaitAsync(string jobId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        return await Workflows.WaitForWorkflowCompletionAsync(jobId, true, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Adapters.DisposeAsync();
        await Executor.DisposeAsync();
        await Sidecar.DisposeAsync();
    }
}
