using Dapr.Workflow;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moq;
using Runwire.Ingest.Health;

namespace Runwire.Ingest.Tests.Health;

/// <summary>How the workflow-engine check reads the workflow client's answers (the client is a mock at ingest's seam).</summary>
public sealed class WorkflowRuntimeHealthCheckTests
{
    private static readonly IConfiguration Grpc = new ConfigurationBuilder()
        .AddInMemoryCollection([KeyValuePair.Create("DAPR_GRPC_PORT", (string?)"50101")]).Build();

    [Fact]
    public async Task Check_EngineAnswersTheProbeQuery_IsHealthy()
    {
        var workflows = new Mock<IDaprWorkflowClient>();

        var result = await new WorkflowRuntimeHealthCheck(workflows.Object, Grpc).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        workflows.Verify(w => w.GetWorkflowStateAsync(WorkflowRuntimeHealthCheck.ProbeInstanceId, false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Check_EngineRefuses_IsUnhealthyWithItsStatus()
    {
        var workflows = new Mock<IDaprWorkflowClient>();
        workflows.Setup(w => w.GetWorkflowStateAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RpcException(new Status(StatusCode.FailedPrecondition, "the state store is not configured to use the actor runtime")));

        var result = await new WorkflowRuntimeHealthCheck(workflows.Object, Grpc).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The Dapr workflow engine at http://localhost:50101/ does not answer: FailedPrecondition the state store is not configured to use the actor runtime",
            result.Description);
    }
}
