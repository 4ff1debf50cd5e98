extern alias adapters;

using System.Collections.Concurrent;
using adapters::Runwire.Adapters.Steps;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Runwire.Core.Adapters;
using Runwire.DataAdapters.LocalFile;
using Runwire.DataAdapters.Protocol;
using Runwire.ServiceDefaults.Auth;
using Runwire.Testing;

namespace Runwire.Ingest.Tests.Support;

/// <summary>
/// The adapters service's step endpoints on a loopback port, with one adapter plugged into its registry:
/// <c>test-store</c> serves <see cref="Sources"/> by <c>ref_id</c> and keeps what its sinks receive. The built-in local
/// file adapter writes below <see cref="FilesRoot"/>. <see cref="LoseNextSendAnswers"/> drops the connection after a send
/// was carried out, as when the adapters pod dies before its answer is out.
/// </summary>
public sealed class AdapterService : IAsyncDisposable, ISourceAdapter, ISinkAdapter
{
    public const string AdapterId = "test-store";
    private Loopback? _loopback;

    public string Key => AdapterId;

    public ConcurrentDictionary<string, object?> Sources { get; } = new();

    public ConcurrentDictionary<string, object?> Received { get; } = new();

    /// <summary>Each request's path and <c>traceparent</c> header, as daprd would hand them on.</summary>
    public ConcurrentQueue<TracedRequest> Requests { get; } = new();

    public Uri Address => _loopback!.Address;

    public string FilesRoot { get; } = Directory.CreateTempSubdirectory("runwire-adapters-").FullName;

    private int _loseSendAnswers;
    private int _sendCalls;

    public int SendCalls => Volatile.Read(ref _sendCalls);

    public void LoseNextSendAnswers(int count) => Volatile.Write(ref _loseSendAnswers, count);

    public static async Task<AdapterService> StartAsync()
    {
        var service = new AdapterService();
        service._loopback = await Loopback.StartAsync(
            b =>
            {
                b.Configuration["Runwire:Auth:Mode"] = "none";
                b.AddRunwireAuth();
                var files = new BuiltinAdapter(new LocalFileAdapter(new LocalFileOptions([service.FilesRoot])));
                b.Services.AddSingleton(new AdapterRegistry([service, files], [service, files]));
                b.AddAdapterSteps();
            },
            app =>
            {
                app.Use(service.RecordAsync);
                app.MapAdapterSteps();
            });
        return service;
    }

    private async Task RecordAsync(HttpContext context, Func<Task> next)
    {
        Requests.Enqueue(TracedRequest.Of(context.Request));
        await next();
        if (context.Request.Path == "/internal/send" && Interlocked.Increment(ref _sendCalls) > 0 && Interlocked.Decrement(ref _loseSendAnswers) >= 0)
        {
            context.Abort();
        }
    }

    public Task<IReadOnlyDictionary<string, object?>> LoadAsync(IReadOnlyList<SourceRequest> requests, AdapterContext context, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>();
        foreach (var request in requests)
        {
            values[request.Wiring.WorkflowInputName] = Sources.TryGetValue(request.Wiring.RefId ?? "", out var value)
                ? value
                : throw new AdapterException("AdapterClientWiringInvalidError", $"No source '{request.Wiring.RefId}'.");
        }
        return Task.FromResult<IReadOnlyDictionary<string, object?>>(values);
    }

    public Task SendAsync(IReadOnlyList<SinkRequest> requests, AdapterContext context, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            Received[request.Wiring.RefId!] = request.Value;
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_loopback is not null)
        {
            await _loopback.DisposeAsync();
        }
        Directory.Delete(FilesRoot, recursive: true);
    }
}
