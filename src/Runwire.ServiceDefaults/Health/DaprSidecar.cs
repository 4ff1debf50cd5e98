using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;

namespace Runwire.ServiceDefaults.Health;

/// <summary>
/// Asks the app's own Dapr sidecar whether it can serve the app's calls: <c>GET /v1.0/healthz/outbound</c>, which daprd
/// answers 204 once its components, APIs and actors are up, before it waits for the app (dapr
/// <c>pkg/runtime/runtime.go</c>; its <c>/v1.0/healthz</c> waits for the app to be healthy, so an app must not make its
/// own readiness depend on that one). daprd lets this path through without its API token (<c>pkg/api/http/middlewares.go</c>).
/// An answer is kept for a second, so a burst of requests through <see cref="DaprSidecarSetup.RequireDaprSidecar{TBuilder}"/>
/// costs one call.
/// </summary>
public sealed class DaprSidecar(IHttpClientFactory clients, IConfiguration configuration, TimeProvider time)
{
    public const string OutboundHealthPath = "v1.0/healthz/outbound";
    internal const string HttpClientName = "dapr-sidecar-health";
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(1);
    private Snapshot? _last;

    /// <summary>Where the sidecar's HTTP API is, found as Dapr's .NET SDK finds it (its <c>DaprDefaults</c>).</summary>
    public Uri Endpoint { get; } = EndpointFrom(configuration);

    public static Uri EndpointFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration["DAPR_HTTP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            return new Uri(endpoint);
        }
        var port = configuration["DAPR_HTTP_PORT"];
        return new Uri(string.IsNullOrWhiteSpace(port)
            ? "http://localhost:3500"
            : $"http://localhost:{int.Parse(port, CultureInfo.InvariantCulture)}");
    }

    public async Task<SidecarState> CheckAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _last) is { } last && time.GetElapsedTime(last.At) < KeepFor)
        {
            return last.State;
        }
        var state = await AskAsync(ct).ConfigureAwait(false);
        Volatile.Write(ref _last, new Snapshot(state, time.GetTimestamp()));
        return state;
    }

    private async Task<SidecarState> AskAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        // A probe every few seconds is not a span anyone wants in their traces.
        using var quiet = SuppressInstrumentationScope.Begin();
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .GetAsync(new Uri(Endpoint, OutboundHealthPath), timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new SidecarState(true, $"The Dapr sidecar at {Endpoint} is ready.", Endpoint);
            }
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return NotReady($"The Dapr sidecar at {Endpoint} is not ready: GET /{OutboundHealthPath} answered "
                + $"{(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}".TrimEnd() + ".");
        }
        catch (HttpRequestException e)
        {
            return NotReady($"No Dapr sidecar answers at {Endpoint} ({e.Message}). Run the app with its sidecar (dapr run -f dapr/, "
                + "or the dapr.io/enabled annotation on Kubernetes), or point DAPR_HTTP_PORT or DAPR_HTTP_ENDPOINT at it; "
                + $"{DaprSidecarSetup.Setting}=false is for a host that runs without Dapr.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return NotReady($"The Dapr sidecar at {Endpoint} did not answer GET /{OutboundHealthPath} within {Timeout.TotalSeconds:0} s.");
        }
    }

    private SidecarState NotReady(string description) => new(false, description, Endpoint);

    private sealed record Snapshot(SidecarState State, long At);
}
