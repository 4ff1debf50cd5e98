using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Seams;

/// <summary>How ingest's step clients reach executor and adapters: by app-id through daprd's invocation API.</summary>
public sealed class InvocationTests(SeamHost host) : IClassFixture<SeamHost>
{
    [Theory]
    [InlineData(nameof(ExecutorClient), "executor")]
    [InlineData(nameof(AdaptersClient), "adapters")]
    public void StepClient_AddressesTheAppIdThroughDaprsInvocationHandler(string client, string appId)
    {
        var factory = host.Services.GetRequiredService<IHttpClientFactory>();
        using var http = factory.CreateClient(client);

        Assert.Equal(new Uri($"http://{appId}/"), http.BaseAddress);
        Assert.Equal(ExecutionSetup.StepTimeout, http.Timeout);
        var handler = host.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client);
        var chain = new List<HttpMessageHandler>();
        for (var h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(h);
        }
        Assert.Single(chain.OfType<InvocationHandler>());
    }

    [Theory]
    [InlineData("executor", "internal/prepare")]
    [InlineData("executor", "internal/run")]
    [InlineData("adapters", "internal/load")]
    [InlineData("adapters", "internal/send")]
    public async Task StepCall_BecomesAnInvokeRequestToTheSidecar(string appId, string path)
    {
        var seen = new Capture();
        using var invocation = new InvocationHandler { DaprEndpoint = "http://127.0.0.1:3501", InnerHandler = seen };
        using var http = new HttpClient(invocation) { BaseAddress = new Uri($"http://{appId}/") };

        using var _ = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(new Uri($"http://127.0.0.1:3501/v1.0/invoke/{appId}/method/{path}"), seen.Uri);
    }

    private sealed class Capture : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
