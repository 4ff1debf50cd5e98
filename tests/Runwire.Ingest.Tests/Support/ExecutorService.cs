using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Runwire.Execution;
using Runwire.ServiceDefaults.Auth;
using Runwire.Testing;

namespace Runwire.Ingest.Tests.Support;

/// <summary>
/// The executor's real endpoints on a loopback port; <see cref="FailNextRuns"/> makes it answer 503 like an overloaded pod.
/// <see cref="Requests"/> keeps each request's path and <c>traceparent</c> header, as daprd would hand them on.
/// </summary>
public sealed class ExecutorService : IAsyncDisposable
{
    private Loopback? _loopback;
    private int _failRuns;

    public Uri Address => _loopback!.Address;

    private int _runCalls;

    public int RunCalls => Volatile.Read(ref _runCalls);

    public ConcurrentQueue<TracedRequest> Requests { get; } = new();

    public void FailNextRuns(int count) => Volatile.Write(ref _failRuns, count);

    /// <summary>Starts the executor; with <paramref name="dataDirectory"/> it also serves the revisions persisted there.</summary>
    public static async Task<ExecutorService> StartAsync(string? dataDirectory = null)
    {
        var service = new ExecutorService();
        service._loopback = await Loopback.StartAsync(
            // The shipped transformations travel with Runwire.Execution into the test's output folder.
            b =>
            {
                // The workflow tests are about the steps; the auth tests cover who may call them.
                b.Configuration["Runwire:Auth:Mode"] = "none";
                if (dataDirectory is not null)
                {
                    b.Configuration["Runwire:DataDirectory"] = dataDirectory;
                }
                b.AddRunwireAuth();
                b.AddExecution();
            },
            app =>
            {
                app.Use(service.FaultsAsync);
                app.MapExecutor();
                app.MapWorkflowSteps();
            });
        return service;
    }

    private async Task FaultsAsync(HttpContext context, Func<Task> next)
    {
        Requests.Enqueue(TracedRequest.Of(context.Request));
        if (context.Request.Path == "/internal/run")
        {
            Interlocked.Increment(ref _runCalls);
            if (Interlocked.Decrement(ref _failRuns) >= 0)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }
        await next();
    }

    public ValueTask DisposeAsync() => _loopback?.DisposeAsync() ?? ValueTask.CompletedTask;
}
