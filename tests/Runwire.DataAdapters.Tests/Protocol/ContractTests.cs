namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>The same protocol checks against Runwire's adapters service and against the tiny external adapter.</summary>
public sealed class ContractTests(AdaptersServiceFactory service) : IClassFixture<AdaptersServiceFactory>, IAsyncDisposable
{
    private readonly TinyAdapter _tiny = new();

    public static TheoryData<string> Targets => ["runwire local-file-adapter", "tiny external adapter"];

    public ValueTask DisposeAsync() => _tiny.DisposeAsync();

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Info_AnyAdapter_IdNameVersion(string target) => await (await ContractAsync(target)).InfoAsync();

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Structure_AnyAdapter_ThingNodesSourcesSinks(string target) => await (await ContractAsync(target)).StructureAsync();

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Listings_AnyAdapter_CountsFieldsSingleItemsMetadata(string target) => await (await ContractAsync(target)).ListingsAsync();

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task DataFrame_AnyAdapter_NdjsonRecordsAndPost(string target) => await (await ContractAsync(target)).DataFrameAsync();

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task UnknownIds_AnyAdapter_NotFound(string target) => await (await ContractAsync(target)).UnknownIdsAsync();

    private async Task<ProtocolContract> ContractAsync(string target)
    {
        if (target.StartsWith("tiny", StringComparison.Ordinal))
        {
            return new ProtocolContract(_tiny.CreateClient(), "http://localhost", "tiny.frame", "tiny.out");
        }
        await service.PrepareAsync();
        return new ProtocolContract(service.CreateClient(), "http://localhost/adapters/local-file-adapter",
            AdaptersServiceFactory.Id(service.CsvPath), "GENERIC_DATAFRAME_SINK_AT_" + AdaptersServiceFactory.Id(Path.GetDirectoryName(service.CsvPath)!));
    }
}
