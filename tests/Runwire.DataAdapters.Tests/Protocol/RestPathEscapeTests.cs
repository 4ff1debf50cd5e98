using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Runwire.Core.Adapters;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.DataAdapters.GenericRest;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>
/// A wiring's <c>ref_id</c>/<c>ref_key</c> must not take the REST adapter client outside the adapter's base path, and an
/// adapter's answer goes into a job's error only as a short excerpt. Against a real HTTP server on a loopback port that
/// serves the adapter under <c>/adapter/</c> and a secret beside it.
/// </summary>
public sealed class RestPathEscapeTests : IAsyncLifetime
{
    private const string Secret = "the secret beside the adapter";
    private static readonly string ErrorPage = "<html>\n<body>\n\t" + new string('x', 5000) + "\u0007</body></html>";
    private WebApplication _server = null!;
    private HttpClient _http = null!;
    private RestAdapterClient _client = null!;

    private ConcurrentQueue<string> Requests { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AdapterContext Context = new(Guid.NewGuid(), Guid.NewGuid());

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Use(async (context, next) =>
        {
            Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        _server.MapGet("/internal/secret", () => Secret);
        // Every metadatum under the base path (ref_ids may hold slashes), answered with the key it was asked for.
        _server.MapGet("/adapter/sources/{**rest}", (string rest) =>
            Results.Json(new { key = rest[(rest.LastIndexOf("/metadata/", StringComparison.Ordinal) + "/metadata/".Length)..], value = 1.5, dataType = "float" }));
        _server.MapGet("/adapter/sources/noisy/metadata/{key}", () =>
            Results.Text(ErrorPage, "text/html", statusCode: 500));
        await _server.StartAsync(Ct);
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient();
        _client = new RestAdapterClient(new RestAdapterOptions("ext", new Uri(address + "/adapter/")), _http);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static SourceRequest Metadatum(string refId, string refKey) =>
        new(new InputWiring("m", new AdapterId("ext", false), refId, "SOURCE", refKey, "metadata(float)"), DataType.Any);

    private static SinkRequest MetadatumSink(string refId, string refKey) =>
        new(new OutputWiring("m", new AdapterId("ext", false), refId, "SINK", refKey, "metadata(float)"), DataType.Any, 2.5);

    [Theory]
    [InlineData("../../internal/secret#", "k")]
    [InlineData("../../internal", "..")]
    [InlineData("a/../../../internal/secret?x=", "k")]
    [InlineData("./../../internal/secret", "k")]
    [InlineData("s", "../../../internal/secret")]
    public async Task Load_DotSegmentsInRefIdOrRefKey_RefusedWithoutAnyRequest(string refId, string refKey)
    {
        var e = await Assert.ThrowsAsync<AdapterException>(() => _client.LoadAsync([Metadatum(refId, refKey)], Context, Ct));

        Assert.Equal("AdapterClientWiringInvalidError", e.TypeName);
        Assert.Contains("'.' or '..' path segment", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        Assert.Empty(Requests);
    }

    [Fact]
    public async Task Send_DotSegmentsInRefId_RefusedWithoutAnyRequest()
    {
        var e = await Assert.ThrowsAsync<AdapterException>(() => _client.SendAsync([MetadatumSink("../../internal/secret#", "k")], Context, Ct));

        Assert.Equal("AdapterClientWiringInvalidError", e.TypeName);
        Assert.Empty(Requests);
    }

    [Theory]
    [InlineData("%2e%2e/%2E%2E/internal/secret", "k", "/adapter/sources/%2e%2e/%2E%2E/internal/secret/metadata/k")] // the server sees the decoded %25
    [InlineData("..a/b..", "k", "/adapter/sources/..a/b../metadata/k")]
    [InlineData("x\\..\\..\\internal", "k", "/adapter/sources/x%5C..%5C..%5Cinternal/metadata/k")]
    public async Task Load_EscapedLookalikes_StayUnderTheBasePath(string refId, string refKey, string requested)
    {
        var loaded = await _client.LoadAsync([Metadatum(refId, refKey)], Context, Ct);

        Assert.Equal(1.5, loaded["m"]);
        Assert.Equal(requested, Assert.Single(Requests));
    }

    [Fact]
    public async Task Load_AdapterAnswersAnErrorPage_OnlyAShortSanitisedExcerptInTheMessage()
    {
        var e = await Assert.ThrowsAsync<AdapterException>(() => _client.LoadAsync([Metadatum("noisy", "k")], Context, Ct));

        Assert.Equal("AdapterConnectionError", e.TypeName);
        var text = e.Message[(e.Message.IndexOf("Text: ", StringComparison.Ordinal) + "Text: ".Length)..];
        Assert.StartsWith("<html> <body> xxx", text, StringComparison.Ordinal);
        Assert.EndsWith($"… ({System.Text.Encoding.UTF8.GetByteCount(ErrorPage)} bytes)", text, StringComparison.Ordinal);
        Assert.True(text.Length < 250, text);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\u0007', e.Message);
        Assert.Equal(HttpStatusCode.InternalServerError.ToString("D"), e.Message.Split("Status code: ")[1][..3]);
    }
}
