using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Runwire.ServiceDefaults.Health;

namespace Runwire.Ingest.Tests.Health;

/// <summary>
/// The sidecar probe's own logic: where it looks, how it reads an answer, how long it keeps one. The answers here are
/// canned HTTP responses handed to its HttpClient, not a sidecar; the real negative path is in <see cref="ReadinessTests"/>.
/// </summary>
public sealed class DaprSidecarTests
{
    [Theory]
    [InlineData(null, null, "http://localhost:3500/")]
    [InlineData(null, "3501", "http://localhost:3501/")]
    [InlineData("http://daprd.example:3600", "3501", "http://daprd.example:3600/")]
    public void Endpoint_FollowsDaprsEnvironmentVariables(string? endpoint, string? port, string expected)
    {
        var configuration = Config(("DAPR_HTTP_ENDPOINT", endpoint), ("DAPR_HTTP_PORT", port));

        Assert.Equal(new Uri(expected), DaprSidecar.EndpointFrom(configuration));
    }

    [Fact]
    public async Task Check_AsksTheOutboundHealthPath_AndA204IsReady()
    {
        var answers = new CannedAnswers(HttpStatusCode.NoContent, "");
        var sidecar = new DaprSidecar(answers, Config(("DAPR_HTTP_PORT", "3501")), new ManualClock());

        var state = await sidecar.CheckAsync(TestContext.Current.CancellationToken);

        Assert.True(state.Ready, state.Description);
        Assert.Equal(new Uri("http://localhost:3501/v1.0/healthz/outbound"), Assert.Single(answers.Asked));
    }

    [Fact]
    public async Task Check_DaprsNotReadyAnswer_IsNotReadyWithTheSidecarsWords()
    {
        // The answer daprd's onGetOutboundHealthz gives before its components are loaded (pkg/messages/predefined.go).
        var answers = new CannedAnswers(HttpStatusCode.InternalServerError, """{"errorCode":"ERR_OUTBOUND_HEALTH_NOT_READY","message":"dapr outbound is not ready"}""");
        var sidecar = new DaprSidecar(answers, Config(("DAPR_HTTP_PORT", "3501")), new ManualClock());

        var state = await sidecar.CheckAsync(TestContext.Current.CancellationToken);

        Assert.False(state.Ready);
        Assert.Equal("""The Dapr sidecar at http://localhost:3501/ is not ready: GET /v1.0/healthz/outbound answered 500 {"errorCode":"ERR_OUTBOUND_HEALTH_NOT_READY","message":"dapr outbound is not ready"}.""", state.Description);
    }

    [Fact]
    public async Task Check_KeepsAnAnswerForASecond_ThenAsksAgain()
    {
        var answers = new CannedAnswers(HttpStatusCode.InternalServerError, "");
        var clock = new ManualClock();
        var sidecar = new DaprSidecar(answers, Config(), clock);

        Assert.False((await sidecar.CheckAsync(TestContext.Current.CancellationToken)).Ready);
        answers.Status = HttpStatusCode.NoContent;
        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False((await sidecar.CheckAsync(TestContext.Current.CancellationToken)).Ready);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True((await sidecar.CheckAsync(TestContext.Current.CancellationToken)).Ready);

        Assert.Equal(2, answers.Asked.Count);
    }

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private sealed class CannedAnswers(HttpStatusCode status, string body) : HttpMessageHandler, IHttpClientFactory
    {
        public HttpStatusCode Status { get; set; } = status;

        public List<Uri> Asked { get; } = [];

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(Status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
