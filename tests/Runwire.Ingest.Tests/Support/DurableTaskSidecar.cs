using System.Buffers.Binary;
using System.Collections.Concurrent;
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
/// <para>
/// Trace context: daprd hands every activity a parent trace context in the workflow's trace, and Dapr.Workflow restores
/// it as <c>Activity.Current</c> (dapr-notes §6.1). Microsoft's server passes on <c>ScheduleTaskAction.parentTraceContext</c>,
/// the field number Dapr uses for <c>taskExecutionId</c>; so with <c>traceActivities</c> the shim fills it with the
/// trace context the workflow was started in, standing in for daprd's activity span. Without it, activities get none,
/// as from a daprd that does not trace.
/// </para>
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

    public static async Task<DurableTaskSidecar> StartAsync(bool traceActivities = true)
    {
        var shim = new Shim(traceActivities);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var orchestrations = new InMemoryOrchestrationService();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(orchestrations).AddSingleton<IOrchestrationServiceClient>(orchestrations);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.Use(shim.InvokeAsync);
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync();
        var endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DurableTaskSidecar(app, endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Shim(bool traceActivities)
    {
        private readonly ConcurrentDictionary<string, string> _workflowTraces = new();

        public async Task InvokeAsync(HttpContext context, Func<Task> next)
        {
            if (context.Request.Path == "/TaskHubSidecarService/StartInstance" && traceActivities)
            {
                var framed = await ReadAsync(context);
                var request = Dapr.DurableTask.Protobuf.CreateInstanceRequest.Parser.ParseFrom(framed, 5, Length(framed));
                if (request.ParentTraceContext?.TraceParent is { Length: > 0 } traceparent)
                {
                    _workflowTraces[request.InstanceId] = traceparent;
                }
                context.Request.Body = new MemoryStream(framed);
            }
            else if (context.Request.Path == "/TaskHubSidecarService/CompleteOrchestratorTask")
            {
                var framed = await ReadAsync(context);
                var response = Dapr.DurableTask.Protobuf.WorkflowResponse.Parser.ParseFrom(framed, 5, Length(framed));
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
                if (traceActivities && _workflowTraces.TryGetValue(response.InstanceId, out var traceparent))
                {
                    body = WithActivityTrace(body, traceparent);
                }
                var reframed = new byte[5 + body.Length];
                BinaryPrimitives.WriteInt32BigEndian(reframed.AsSpan(1, 4), body.Length);
                body.CopyTo(reframed, 5);
                context.Request.Body = new MemoryStream(reframed);
            }
            await next();
        }

        // Re-read as Microsoft's message, whose ScheduleTaskAction has the parentTraceContext its server hands to the activity.
        private static byte[] WithActivityTrace(byte[] body, string traceparent)
        {
            var response = Microsoft.DurableTask.Protobuf.OrchestratorResponse.Parser.ParseFrom(body);
            foreach (var action in response.Actions)
            {
                if (action.ScheduleTask is { } task)
                {
                    task.ParentTraceContext = new Microsoft.DurableTask.Protobuf.TraceContext { TraceParent = traceparent };
                }
            }
            return response.ToByteArray();
        }

        private static async Task<byte[]> ReadAsync(HttpContext context)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            return buffer.ToArray();
        }

        private static int Length(byte[] framed) => BinaryPrimitives.ReadInt32BigEndian(framed.AsSpan(1, 4));
    }
}
