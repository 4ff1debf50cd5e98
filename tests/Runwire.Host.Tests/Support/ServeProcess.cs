using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Runwire.Host.Tests.Support;

/// <summary><c>runwire serve</c> as its own process on a free loopback port, as a user would run it.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly ChildProcess _process;

    private ServeProcess(ChildProcess process, Uri address)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a host importing hetida's transformations; with a broker it consumes in <paramref name="group"/>.</summary>
    public static Task<ServeProcess> StartAsync(string dataDirectory, string? bootstrap = null, string group = "runwire-tests",
        params string[] extraArgs) => StartAsync(dataDirectory, bootstrap, group, new Dictionary<string, string>(), extraArgs);

    /// <summary>As above, with environment variables for the host (e.g. <c>Kafka__BootstrapServers</c>).</summary>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, string? bootstrap, string group,
        IDictionary<string, string> environment, params string[] extraArgs)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        List<string> args =
        [
            "serve", "--urls", address.ToString().TrimEnd('/'), "--data-dir", dataDirectory,
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Runwire=Information",
            // The documented local-development switch; extraArgs can turn authentication back on (the auth tests do).
            "--Runwire:Auth:Mode=none",
        ];
        if (!Directory.Exists(Path.Combine(Paths.RepoRoot, "transformations")))
        {
            // Until the repository ships its own exports, hetida's originals provide the workflows the tests run.
            args.AddRange(["--import", Paths.HetidaTransformations]);
        }
        if (bootstrap is not null)
        {
            // Short sessions make rebalances after a crash take seconds instead of 45 s (kafka-local.md §2).
            args.AddRange(["--kafka", bootstrap, $"--Kafka:GroupId={group}", "--Kafka:SessionTimeoutMs=3000", "--Kafka:HeartbeatIntervalMs=500"]);
        }
        args.AddRange(extraArgs);
        var serve = new ServeProcess(new ChildProcess(Paths.Runwire, args, environment), address);
        try
        {
            await serve.WaitHealthyAsync().ConfigureAwait(false);
            return serve;
        }
        catch
        {
            serve.Dispose();
            throw;
        }
    }

    /// <summary>The host's <c>GET /kafka</c> status.</summary>
    public async Task<JsonObject> KafkaStatusAsync() =>
        (await Http.GetFromJsonAsync<JsonObject>("/kafka").ConfigureAwait(false))!;

    /// <summary>Waits until the consumer owns at least one partition (its group join is done).</summary>
    public async Task WaitAssignedAsync(int atLeast = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if ((await KafkaStatusAsync().ConfigureAwait(false))["assigned"]!.AsArray().Count >= atLeast)
            {
                return;
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
        throw new TimeoutException($"No partitions assigned:\n{Output}");
    }

    /// <summary>Polls <c>GET /jobs/{id}</c> until the job is done or a minute has passed; returns the last status.</summary>
    public async Task<JsonObject> WaitJobDoneAsync(Guid job)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = (await Http.GetFromJsonAsync<JsonObject>(new Uri($"/jobs/{job}", UriKind.Relative)).ConfigureAwait(false))!;
            if (status["status"]!.GetValue<string>() == "done" || DateTime.UtcNow > deadline)
            {
                return status;
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    public bool Terminate(TimeSpan timeout) => _process.Terminate(timeout);

    public void Kill() => _process.Kill();

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri("/healthz", UriKind.Relative)).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"runwire serve did not become healthy:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
