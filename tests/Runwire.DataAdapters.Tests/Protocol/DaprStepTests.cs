using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Core.Data;
using Runwire.DataAdapters.Tests.Support;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>The Dapr workflow's load and send steps reach the built-in adapters the adapters service configures.</summary>
public sealed class DaprStepTests(AdaptersServiceFactory service) : IClassFixture<AdaptersServiceFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadStep_LocalFileWiring_ValueInDirectProvisioningForm()
    {
        await service.PrepareAsync();
        var wiring = new InputWiring("frame", new AdapterId("local-file-adapter", false), AdaptersServiceFactory.Id(service.CsvPath), "SOURCE", Type: "dataframe");

        var response = await service.CreateClient().PostAsJsonAsync("/internal/load", new
        {
            adapterId = "local-file-adapter", jobId = Guid.NewGuid(), transformationId = Guid.NewGuid(), inputs = new[] { new InputLoad(wiring, "DATAFRAME") },
        }, StepJson.Options, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["values"]!["frame"]!.GetValue<string>();
        var frame = Assert.IsType<DataFrame>(ValueParser.Parse(text, DataType.DataFrame));
        Assert.Equal([1.5, 2.5], frame.Col("value").Values());
    }

    [Fact]
    public async Task SendStep_GenericFileSink_WritesTheFile()
    {
        await service.PrepareAsync();
        var frame = TestFrames.Make(("a", new Int64Column([4, 5])));
        var wiring = new OutputWiring("out", new AdapterId("local-file-adapter", false), "GENERIC_DATAFRAME_SINK_AT_" + AdaptersServiceFactory.Id(service.Files.Root), "SINK",
            Type: "dataframe", Filters: new Dictionary<string, string> { ["file_name"] = "step.csv" });

        var response = await service.CreateClient().PostAsJsonAsync("/internal/send", new
        {
            adapterId = "local-file-adapter", jobId = Guid.NewGuid(), transformationId = Guid.NewGuid(),
            outputs = new[] { new { wiring, dataType = "DATAFRAME", value = ValueEncoder.ToJsonNode(frame) } },
        }, StepJson.Options, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("a\n4\n5\n", File.ReadAllText(Path.Combine(service.Files.Root, "step.csv")));
    }
}
