using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>
/// Canary for the test sidecar. It runs no Runwire code: if it fails, the proto shim between Dapr.Workflow and
/// Microsoft's in-memory sidecar broke (a package version moved, dapr-notes §4.3), not the job workflow.
/// </summary>
public sealed class SidecarShimTests
{
    [Fact]
    public async Task SidecarShim_WorkflowWithRetriedActivity_Completes()
    {
        await using var sidecar = await DurableTaskSidecar.StartAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["DAPR_GRPC_ENDPOINT"] = sidecar.Endpoint;
        builder.Services.AddSingleton<PingCounter>();
        builder.Services.AddDaprWorkflow(o =>
        {
            o.RegisterWorkflow<PingWorkflow>();
            o.RegisterActivity<PingActivity>();
        });
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = host.Services.GetRequiredService<DaprWorkflowClient>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var id = await client.ScheduleNewWorkflowAsync(nameof(PingWorkflow), "shim-canary", 21);
        var state = await client.WaitForWorkflowCompletionAsync(id, true, timeout.Token);

        Assert.True(state.RuntimeStatus == WorkflowRuntimeStatus.Completed,
            $"The test sidecar's proto shim is broken (dapr-notes §4): status {state.RuntimeStatus}, {state.FailureDetails?.ErrorMessage}");
        Assert.Equal(42, state.ReadOutputAs<int>());
        Assert.Equal(2, host.Services.GetRequiredService<PingCounter>().Calls);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}

internal sealed class PingCounter
{
    public int Calls;
}

internal sealed class PingWorkflow : Workflow<int, int>
{
    public override Task<int> RunAsync(WorkflowContext context, int input) =>
        context.CallActivityAsync<int>(nameof(PingActivity), input,
            new WorkflowTaskOptions(new WorkflowRetryPolicy(3, TimeSpan.FromMilliseconds(100))));
}

internal sealed class PingActivity(PingCounter counter) : WorkflowActivity<int, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, int input) =>
        Interlocked.Increment(ref counter.Calls) == 1
            ? throw new InvalidOperationException("first attempt fails on purpose")
            : Task.FromResult(input * 2);
}
