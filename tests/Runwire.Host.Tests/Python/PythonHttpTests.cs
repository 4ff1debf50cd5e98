using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Python;

/// <summary>
/// <c>runwire serve</c> over HTTP with a user's Python components imported over HTTP: their jobs are answered like
/// any other, and hostile code costs its own job one failure answer and nothing else.
/// </summary>
public sealed class PythonHttpTests(PythonHttpTests.Host host) : IClassFixture<PythonHttpTests.Host>
{
    [Fact]
    public async Task ImportedPythonComponent_QueuedAndSynchronousJobs_AnsweredOkWithItsValues()
    {
        var queued = Guid.NewGuid();
        using var posted = await PostAsync("/jobs", UserPythonComponents.ScaleJob(2, queued));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var done = await host.Serve.WaitJobDoneAsync(queued);
        UserPythonComponents.AssertScaled(done["result"]!.AsObject(), 2);

        using var executed = await PostAsync("/api/transformations/execute", UserPythonComponents.ScaleJob(-0.5));
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        UserPythonComponents.AssertScaled((await executed.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!, -0.5);
    }

    [Theory]
    [MemberData(nameof(UserPythonComponents.HostileKinds), MemberType = typeof(UserPythonComponents))]
    public async Task HostileCode_QueuedJob_OneFailureAnswerThenWorkersBackAndTheNextJobRuns(string kind)
    {
        var hostile = UserPythonComponents.HostileCode[kind];
        var job = Guid.NewGuid();

        using var posted = await PostAsync("/jobs", hostile.Job(job));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var done = await host.Serve.WaitJobDoneAsync(job);

        Assert.Equal("done", done["status"]!.GetValue<string>());
        hostile.AssertFailed(done["result"]!.AsObject());
        await host.AssertNothingLeakedAsync();
        using var next = await PostAsync("/api/transformations/execute", UserPythonComponents.ScaleJob(3));
        UserPythonComponents.AssertScaled((await next.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!, 3);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        host.Serve.Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    /// <summary>One host for the class, with the user's components imported over HTTP once it is up.</summary>
    public sealed class Host : PythonHost
    {
        protected override string? Bootstrap => null;
    }
}
