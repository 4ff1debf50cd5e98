using Runwire.Testing;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>The adapters service's OpenAPI document describes the generic REST adapter protocol it serves.</summary>
public sealed class OpenApiTests(AdaptersServiceFactory factory) : IClassFixture<AdaptersServiceFactory>
{
    [Fact]
    public async Task Document_DescribesEveryRouteAndStatus_AndValidates()
    {
        var document = await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        OpenApiCheck.AssertDescribes(factory.Services, document);
        Assert.Contains("\"$ref\": \"#/components/schemas/StructureResponse\"", document, StringComparison.Ordinal);
    }
}
