using System.Text;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Serve;

/// <summary>
/// <c>serve</c> keeps ASP.NET Core's per-request lines at Warning, like the services, so a user's console shows jobs,
/// not four lines per request; a configured level still brings them back.
/// </summary>
public sealed class RequestLoggingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Serve_AtInformation_LogsJobLines_ButNoRequestLines()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Sub("default"), extraArgs: "--Logging:LogLevel:Default=Information");

        var job = await FailingJobAsync(serve);

        // Console lines come out in order: once the job's line is there, a request line logged before it would be too.
        Assert.DoesNotContain("Microsoft.AspNetCore.Hosting.Diagnostics", Before(serve.Output, job), StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore.Routing", Before(serve.Output, job), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAspNetCoreLevelConfigured_LogsRequestLines()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Sub("configured"), extraArgs:
            ["--Logging:LogLevel:Default=Information", "--Logging:LogLevel:Microsoft.AspNetCore=Information"]);

        var job = await FailingJobAsync(serve);

        Assert.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", Before(serve.Output, job), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Posts a job that fails (division by zero) and waits for the host's Information line about it.</summary>
    private static async Task<Guid> FailingJobAsync(ServeProcess serve)
    {
        var job = Guid.NewGuid();
        using var body = new StringContent(TestJobs.DivideByZero(job), Encoding.UTF8, "application/json");
        using var posted = await serve.Http.PostAsync(new Uri("/jobs", UriKind.Relative), body);
        posted.EnsureSuccessStatusCode();
        await serve.WaitJobDoneAsync(job);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!serve.Output.Contains($"Job {job} failed", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line about job {job}:\n{serve.Output}");
            await Task.Delay(50);
        }
        return job;
    }

    private static string Before(string output, Guid job) => output[..output.IndexOf($"Job {job} failed", StringComparison.Ordinal)];
}
