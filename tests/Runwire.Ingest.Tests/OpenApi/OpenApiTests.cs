using Runwire.Ingest.Tests.Support;
using Runwire.Testing;

namespace Runwire.Ingest.Tests.OpenApi;

/// <summary>Ingest's OpenAPI document describes its job API and hetida's execute endpoints (not daprd's topic route).</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task Document_DescribesEveryRouteAndStatus_AndValidates()
    {
        await using var factory = new SeamHost();

        var document = await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        OpenApiCheck.AssertDescribes(factory.Services, document);
        Assert.Contains("\"/jobs/{id}\"", document, StringComparison.Ordinal);
        Assert.Contains("\"$ref\": \"#/components/schemas/JobStatus\"", document, StringComparison.Ordinal);
        // The console's API: the job list with its schema, as the standalone host documents it.
        Assert.Contains("\"operationId\": \"ListJobs\"", document, StringComparison.Ordinal);
        Assert.Contains("\"$ref\": \"#/components/schemas/JobList\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/events/", document, StringComparison.Ordinal);
    }
}
