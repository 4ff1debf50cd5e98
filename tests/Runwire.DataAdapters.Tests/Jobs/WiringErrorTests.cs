using Microsoft.Extensions.Configuration;
using Runwire.Core.Components;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.DataAdapters.Tests.Protocol;

namespace Runwire.DataAdapters.Tests.Jobs;

/// <summary>
/// Wrong wirings to the file and SQL adapters end in a failure result at the loading or sending stage with hetida's
/// type and message, whether the adapters run in-process or behind the adapters service.
/// </summary>
public sealed class WiringErrorTests(AdaptersServiceFactory adapters) : IClassFixture<AdaptersServiceFactory>
{
    private const string Load = "LOADING_DATA_FROM_ADAPTERS";
    private const string Send = "SENDING_DATA_TO_ADAPTERS";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // case, stage, error type, in-process message, message through the adapters service (null = same)
        { "missing ref_id", Load, "AdapterClientWiringInvalidError", "Unset ref id in a wiring using generic rest adapter.", "" },
        { "missing type", Load, "AdapterClientWiringInvalidError", "Unset type in a wiring using generic rest adapter.", "" },
        { "unknown source", Load, "AdapterHandlingException", "Local file {root}/nothing.csv could not be located or does not lie in a configured local dir or does not exist", "AdapterConnectionError" },
        { "wrong type", Load, "AdapterClientWiringInvalidError", "The source {csv} of local-file-adapter has type dataframe, but the wiring has type multitsframe.", "AdapterConnectionError" },
        { "unknown adapter", Load, "AdapterHandlingException", "Could not find / load necessary generic REST adapter url from designer backend for adapter key blob-adapter. Make sure the adapter with that key is properly registered in the designer backend.", "" },
        { "sink gets integer", Send, "AdapterOutputDataError", "Did not receive Pandas DataFrame as expected from workflow output. Got <class 'int'> instead.", "" },
        { "sink missing type", Send, "AdapterClientWiringInvalidError", "Unset type in a wiring using generic rest adapter.", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadWiring_InProcess_FailureAtStageWithHetidaMessage(string @case, string stage, string type, string message, string remoteType)
    {
        _ = remoteType;
        await adapters.PrepareAsync();
        var engine = new ExecutionEngine(MixedWorkflow.Store(), ComponentRegistry.Builtin, AdapterSetup.CreateRegistry(AdapterSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Runwire:Adapters:LocalFile:Roots:0"] = adapters.Files.Root }).Build())));

        var result = await engine.ExecuteAsync(MixedWorkflow.Job(Broken(@case)), Ct);

        Assert.NotNull(result.Error);
        Assert.Equal((stage, type, Expand(message)), (result.Error.ProcessStage.ToString(), result.Error.Type, result.Error.Message));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadWiring_ThroughAdaptersService_FailureAtSameStage(string @case, string stage, string type, string message, string remoteType)
    {
        await adapters.PrepareAsync();
        var engine = new ExecutionEngine(MixedWorkflow.Store(), ComponentRegistry.Builtin, AdapterSetup.Registry(
            new Runwire.DataAdapters.Protocol.ProtocolAdapters([]),
            [new GenericRest.RestAdapterOptions("local-file-adapter", new Uri("http://localhost/adapters/local-file-adapter"))],
            () => adapters.CreateClient()));

        var result = await engine.ExecuteAsync(MixedWorkflow.Job(Broken(@case)), Ct);

        Assert.NotNull(result.Error);
        Assert.Equal(stage, result.Error.ProcessStage.ToString());
        if (remoteType.Length == 0)
        {
            Assert.Equal((type, Expand(message)), (result.Error.Type, result.Error.Message));
        }
        else
        {
            // the service answers 404 with its detail; hetida's client reports status and text
            Assert.Equal(remoteType, result.Error.Type);
            Assert.StartsWith("Requesting framelike data from generic rest adapter endpoint http://localhost/adapters/local-file-adapter/", result.Error.Message);
            Assert.Contains(" failed. Status code: 404. Text: {\"detail\":\"Could not find ", result.Error.Message);
        }
    }

    /// <summary>A wiring with only file inputs and outputs plus inline values, broken in one way.</summary>
    private WorkflowWiring Broken(string @case)
    {
        var csv = AdaptersServiceFactory.Id(adapters.CsvPath);
        var file = MixedWorkflow.Adapter("local-file-adapter");
        var fileInput = @case switch
        {
            "missing ref_id" => new InputWiring("file_frame", file, null, "SOURCE", Type: "dataframe"),
            "missing type" => new InputWiring("file_frame", file, csv, "SOURCE"),
            "unknown source" => new InputWiring("file_frame", file, AdaptersServiceFactory.Id(adapters.Files.Root + "/nothing.csv"), "SOURCE", Type: "dataframe"),
            "wrong type" => new InputWiring("file_frame", file, csv, "SOURCE", Type: "multitsframe",
                Filters: new Dictionary<string, string> { ["timestampFrom"] = "2024-01-01T00:00:00Z", ["timestampTo"] = "2024-01-02T00:00:00Z" }),
            "unknown adapter" => new InputWiring("file_frame", MixedWorkflow.Adapter("blob-adapter"), csv, "SOURCE", Type: "dataframe"),
            _ => new InputWiring("file_frame", file, csv, "SOURCE", Type: "dataframe"),
        };
        var sink = "GENERIC_DATAFRAME_SINK_AT_" + AdaptersServiceFactory.Id(adapters.Files.Root);
        var numberOutput = @case switch
        {
            "sink gets integer" => new OutputWiring("number", file, sink, "SINK", Type: "dataframe"),
            "sink missing type" => new OutputWiring("number", file, sink, "SINK"),
            _ => new OutputWiring("number", AdapterId.DirectProvisioning),
        };
        return new WorkflowWiring(
            [
                fileInput,
                new InputWiring("sql_frame", file, csv, "SOURCE", Type: "dataframe"),
                new InputWiring("sql_ts", AdapterId.DirectProvisioning, Filters: new Dictionary<string, string> { ["value"] = "{}" }),
                new InputWiring("inline_number", AdapterId.DirectProvisioning, Filters: new Dictionary<string, string> { ["value"] = "7" }),
            ],
            [numberOutput]);
    }

    private string Expand(string message) =>
        message.Replace("{root}", adapters.Files.Root).Replace("{csv}", AdaptersServiceFactory.Id(adapters.CsvPath));
}
