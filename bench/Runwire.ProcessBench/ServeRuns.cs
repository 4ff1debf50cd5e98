using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Runwire.Host.Tests.Support;

namespace Runwire.ProcessBench;

/// <summary>
/// <c>runwire serve</c> on its cores, fed one job at a time over loopback HTTP (hetida's synchronous endpoint
/// <c>POST /api/transformations/execute</c>). Its CPU time is read from /proc between the stretches; the client runs
/// in this process and is not counted.
/// </summary>
internal sealed class ServeRuns : IDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _data = new();
    private readonly HttpClient _http;

    public ServeRuns(string cores, string runwire, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        _process = Process.Start(Pinned.Dotnet(cores, runwire,
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", _data.Path, "--Logging:LogLevel:Default=Warning",
             "--Runwire:Auth:Mode=none"], environment))!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task WaitHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(300) && !_process.HasExited)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException("runwire serve did not become healthy");
    }

    /// <summary>The server's CPU seconds so far, and a wall clock reading.</summary>
    public Measured Now()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new Measured(ticks / 100.0, Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency);
    }

    public async Task RunAsync(byte[] request, int jobs)
    {
        for (var i = 0; i < jobs; i++)
        {
            using var content = new ByteArrayContent(request);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(new Uri("/api/transformations/execute", UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || !body.Contains("\"result\":\"ok\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"runwire serve answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
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
