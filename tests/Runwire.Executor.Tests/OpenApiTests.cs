using Runwire.Testing;

namespace Runwire.Executor.Tests;

/// <summary>The executor's OpenAPI document describes every endpoint it serves, with hetida's job and result schemas.</summary>
public sealed class OpenApiTests(ExecutorFactory factory) : IClassFixture<ExecutorFactory>
{
    [Fact]
    public async Task Document_DescribesEveryRouteAndStatus_AndValidates()
    {
        var document = await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        OpenApiCheck.AssertDescribes(factory.Services, document);
        Assert.Contains("\"$ref\": \"#/components/schemas/ExecByIdInput\"", document, StringComparison.Ordinal);
        Assert.Contains("\"$ref\": \"#/components/schemas/ExecutionResponse\"", document, StringComparison.Ordinal);
    }
}
