using System.Buffers.Binary;
using System.Net;
using DurableTask.Core;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Runwire.Ingest.Tests.Support;

/// <summary>
/// Microsoft's in-memory durable task sidecar (not daprd) on a loopback h2c port, with the request shim of
/// dapr-notes §4: Dapr 1.19 forked the durabletask protos and reuses field numbers, so the worker's
/// <c>CompleteOrchestratorTask</c> is re-encoded without the Dapr-only fields before Microsoft's server parses it.
/// Fragile by construction: the versions are pinned in Directory.Packages.props and <c>SidecarShimTests</c> says when it broke.
/// </summary>
public sealed class DurableTaskSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DurableTaskSidecar(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The address to hand Dapr.Workflow as <c>DAPR_GRPC_ENDPOINT</c>.</summary>
    public string Endpoint { get; }

    public static async Task<DurableTaskSidecar> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var orchestrations = new InMemoryOrchestrationService();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(orchestrations).AddSingleton<IOrchestrationServiceClient>(orchestrations);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.Use(ShimAsync);
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync();
        var endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DurableTaskSidecar(app, endpoint);
    }

    private static async Task ShimAsync(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path == "/TaskHubSidecarService/CompleteOrchestratorTask")
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var framed = buffer.ToArray();
            var length = BinaryPrimitives.ReadInt32BigEndian(framed.AsSpan(1, 4));
            var response = Dapr.DurableTask.Protobuf.WorkflowResponse.Parser.ParseFrom(framed, 5, length);
            foreach (var action in response.Actions)
            {
                action.Router = null;
                if (action.ScheduleTask is { } task)
                {
                    task.TaskExecutionId = "";
                    task.Router = null;
                }
            }
            response.Version = null;
            var body = response.ToByteArray();
            var reframed = new byte[5 + body.Length];
            BinaryPrimitives.WriteInt32BigEndian(reframed.AsSpan(1, 4), body.Length);
            body.CopyTo(reframed, 5);
            context.Request.Body = new MemoryStream(reframed);
        }
        await next();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
