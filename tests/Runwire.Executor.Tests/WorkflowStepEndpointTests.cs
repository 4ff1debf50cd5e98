using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;

namespace Runwire.Executor.Tests;

/// <summary>The executor's workflow steps: prepare (resolve + validate, nothing runs) and run (with loaded inputs).</summary>
public sealed class WorkflowStepEndpointTests(ExecutorFactory factory) : IClassFixture<ExecutorFactory>
{
    private const string PassThroughSeries = "bfa27afc-dea8-b8aa-4b15-94402f0739b6";

    [Fact]
    public async Task Prepare_AdapterWiredJob_ListsWhatToLoadAndSendWithDeclaredTypes()
    {
        var job = Job(PassThroughSeries,
            [new InputWiring("input", new AdapterId("sql-adapter", false), RefId: "db/table/t", Type: "timeseries(float)")],
            [new OutputWiring("output", new AdapterId("local-file-adapter", false), RefId: "out.csv", Type: "dataframe")]);

        var answer = await PostAsync("/internal/prepare", job);

        Assert.Equal("Prepared", answer.Kind);
        var prepared = answer.Prepared!;
        Assert.Equal(Guid.Parse(PassThroughSeries), prepared.TransformationId);
        var load = Assert.Single(prepared.Loads);
        Assert.Equal(("input", "sql-adapter", "SERIES"), (load.Wiring.WorkflowInputName, load.Wiring.AdapterId.Value, load.DataType));
        var send = Assert.Single(prepared.Sends);
        Assert.Equal(("output", "local-file-adapter", "SERIES"), (send.Wiring.WorkflowOutputName, send.Wiring.AdapterId.Value, send.DataType));
        Assert.Equal([new NamedType("output", "SERIES")], prepared.OutputTypes);
    }

    [Fact]
    public async Task Prepare_UnknownTransformation_AnswersTheRefusalTheWebApiGives()
    {
        var id = Guid.NewGuid();

        var answer = await PostAsync("/internal/prepare", Job(id.ToString(), [], []));

        Assert.Equal(("NotFound", 404), (answer.Kind, answer.HttpStatus));
        Assert.Equal("failure", answer.Result!["result"]!.GetValue<string>());
        Assert.Null(answer.Prepared);
    }

    [Fact]
    public async Task Run_WithLoadedInputAndSinkOutput_ReturnsTheOutputInTheResult()
    {
        var job = Job(PassThroughSeries,
            [new InputWiring("input", new AdapterId("sql-adapter", false), RefId: "db/table/t", Type: "timeseries(float)")],
            [new OutputWiring("output", new AdapterId("local-file-adapter", false), RefId: "out.csv")]);
        var run = new RunRequest(job, new Dictionary<string, string> { ["input"] = """{"2020-01-01T00:00:00Z": 1.5}""" }, ["output"]);

        var answer = await PostAsync("/internal/run", run);

        Assert.Equal(("Executed", 200), (answer.Kind, answer.HttpStatus));
        Assert.True(answer.Result!["result"]!.GetValue<string>() == "ok", answer.Result["error"]?.ToJsonString());
        Assert.Equal(1.5, answer.Result["output_results_by_output_name"]!["output"]!["__data__"]!["data"]![0]!.GetValue<double>());
    }

    private static ExecutionJob Job(string id, InputWiring[] inputs, OutputWiring[] outputs) =>
        new(Guid.Parse(id), null, new WorkflowWiring(inputs, outputs), false, Guid.NewGuid(), true, JobFormat.ExecById);

    private async Task<StepAnswer> PostAsync<T>(string path, T body)
    {
        using var response = await factory.CreateClient().PostAsync(new Uri(path, UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(body, StepJson.Options), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StepAnswer>(StepJson.Options, TestContext.Current.CancellationToken))!;
    }
}
