using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Runwire.Host.Tests.Support;

namespace Runwire.PythonBench;

/// <summary>
/// <c>runwire serve</c> as its own process on a free loopback port, the way a user starts it, with Debian's Python for
/// the workers; jobs go to hetida's synchronous endpoint <c>POST /api/transformations/execute</c>.
/// </summary>
internal sealed class RunwireServe : IDisposable
{
    private readonly ChildProcess _process;
    private readonly TempDirectory _data = new();

    private RunwireServe(string runwire, string importDirectory, string python)
    {
        var port = FreePort();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        Started = Stopwatch.StartNew();
        _process = new ChildProcess(runwire,
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", _data.Path, "--import", importDirectory, "--Logging:LogLevel:Default=Warning",
             // A benchmark on loopback: the documented local-development switch.
             "--Runwire:Auth:Mode=none"],
            new Dictionary<string, string> { ["Runwire__Python__Executable"] = python });
    }

    public HttpClient Http { get; }

    /// <summary>Runs from just before the process was started.</summary>
    public Stopwatch Started { get; }

    public string Output => _process.Output;

    public static RunwireServe Start(BenchContext context) => new(context.Runwire, context.Exports, context.Python);

    /// <summary>Polls <c>/healthz</c> every <paramref name="interval"/> until it answers 200; the time since the start.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan interval)
    {
        while (Started.Elapsed < TimeSpan.FromSeconds(120) && !_process.HasExited)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(interval);
        }
        throw new InvalidOperationException($"runwire serve did not become healthy:\n{Output}");
    }

    /// <summary>One job through the synchronous endpoint: request bytes in, result bytes out.</summary>
    public async Task<byte[]> ExecuteAsync(byte[] request)
    {
        using var content = new ByteArrayContent(request);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(new Uri("/api/transformations/execute", UriKind.Relative), content);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? body
            : throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
    }

    public async Task<double> RunAsync(byte[] request, int jobs)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < jobs; i++)
        {
            await ExecuteAsync(request);
        }
        return clock.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
        _data.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
