extern alias executor;

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Runwire.Core.Components;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Core.Engine;
using Runwire.DataAdapters.Tests.Protocol;
using Runwire.DataAdapters.Tests.Support;

namespace Runwire.DataAdapters.Tests.Jobs;

/// <summary>
/// One job reads a CSV file, a SQL table, a SQL timeseries table and an inline value, and writes a file, a table and
/// its result: in-process as the standalone host runs it, and through the executor service calling the adapters service.
/// </summary>
public sealed class MixedJobTests(AdaptersServiceFactory adapters) : IClassFixture<AdaptersServiceFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MixedJob_InProcessAdapters_ReadsAllSourcesAndWritesAllSinks()
    {
        PostgresFixture.RequireServer();
        await adapters.PrepareAsync();
        var settings = AdapterSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Runwire:Adapters:LocalFile:Roots:0"] = adapters.Files.Root,
            ["Runwire:Adapters:Sql:Databases:0:Key"] = "plant",
            ["Runwire:Adapters:Sql:Databases:0:ConnectionString"] = adapters.Postgres.ConnectionString,
            ["Runwire:Adapters:Sql:Databases:0:AppendTables:0"] = "job_out",
            ["Runwire:Adapters:Sql:Databases:0:TimeseriesTables:readings:Appendable"] = "true",
        }).Build());
        var engine = new ExecutionEngine(MixedWorkflow.Store(), ComponentRegistry.Builtin, AdapterSetup.CreateRegistry(settings));
        var before = await WrittenRowsAsync();

        var result = await engine.ExecuteAsync(MixedWorkflow.Job(Wiring("inprocess.csv")), Ct);

        Assert.Null(result.Error);
        var outputs = result.Outputs.ToDictionary(o => o.Key, o => o.Value);
        Assert.Equal(42L, outputs["number"]);
        var ts = Assert.IsType<DataFrame>(outputs["ts_result"]);
        Assert.Equal([20.5, 21.5], ts.Col("value").Values());
        Assert.Equal("id,name\n1,press\n", File.ReadAllText(Path.Combine(adapters.Files.Root, "inprocess.csv")));
        Assert.Equal(before + 2, await WrittenRowsAsync());
        Assert.Equal(2, outputs.Count);
    }

    [Fact]
    public async Task MixedJob_ThroughExecutorAndAdaptersServices_SameResultFileAndRows()
    {
        PostgresFixture.RequireServer();
        await adapters.PrepareAsync();
        await using var executorService = new ExecutorWithRemoteAdapters(adapters);
        var client = executorService.CreateClient();
        // hetida's own exports replace Runwire's released Pass Through components: a deployment, which hetida allows only when asked.
        var import = await client.PostAsJsonAsync("/api/transformations?allow_overwrite_released=true", new JsonArray([.. MixedWorkflow.Components.Append(MixedWorkflow.Workflow).Select(t => t.DeepClone())]), Ct);
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync(Ct));
        var before = await WrittenRowsAsync();

        var response = await client.PostAsJsonAsync("/api/transformations/execute", new JsonObject
        {
            ["id"] = MixedWorkflow.Id.ToString(),
            ["wiring"] = JsonNode.Parse(WiringJson("remote.csv")),
        }, Ct);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("ok", body["result"]!.GetValue<string>());
        Assert.Equal(42, body["output_results_by_output_name"]!["number"]!.GetValue<long>());
        Assert.Equal(["number", "ts_result"], body["output_results_by_output_name"]!.AsObject().Select(kv => kv.Key).Order());
        Assert.Equal("id,name\n1,press\n", File.ReadAllText(Path.Combine(adapters.Files.Root, "remote.csv")));
        Assert.Equal(before + 2, await WrittenRowsAsync());
    }

    private WorkflowWiring Wiring(string outputFile) => MixedWorkflow.Wiring(
        AdaptersServiceFactory.Id(adapters.CsvPath), "GENERIC_DATAFRAME_SINK_AT_" + AdaptersServiceFactory.Id(adapters.Files.Root), outputFile);

    private string WiringJson(string outputFile)
    {
        var wiring = Wiring(outputFile);
        var inputs = wiring.InputWirings.Select(w => (JsonNode)new JsonObject
        {
            ["workflow_input_name"] = w.WorkflowInputName, ["adapter_id"] = w.AdapterId.Value, ["ref_id"] = w.RefId,
            ["ref_id_type"] = w.RefIdType, ["type"] = w.Type, ["filters"] = new JsonObject([.. w.Filters.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
        });
        var outputs = wiring.OutputWirings.Select(w => (JsonNode)new JsonObject
        {
            ["workflow_output_name"] = w.WorkflowOutputName, ["adapter_id"] = w.AdapterId.Value, ["ref_id"] = w.RefId,
            ["ref_id_type"] = w.RefIdType, ["type"] = w.Type, ["filters"] = new JsonObject([.. w.Filters.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
        });
        return new JsonObject { ["input_wirings"] = new JsonArray([.. inputs]), ["output_wirings"] = new JsonArray([.. outputs]) }.ToJsonString();
    }

    private async Task<long> WrittenRowsAsync() =>
        (long)(await adapters.Postgres.ScalarAsync("SELECT count(*) FROM job_out"))!;

    /// <summary>The executor service configured like a Dapr deployment: both built-in ids resolve to the adapters service's protocol URLs.</summary>
    private sealed class ExecutorWithRemoteAdapters(AdaptersServiceFactory adapters) : WebApplicationFactory<executor::Program>
    {
        private readonly string _data = Directory.CreateTempSubdirectory("runwire-executor-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Runwire:DataDirectory", _data);
            builder.UseSetting("Runwire:Auth:Mode", "none");
            builder.UseSetting("Runwire:Adapters:External:local-file-adapter", "http://adapters/adapters/local-file-adapter");
            builder.UseSetting("Runwire:Adapters:External:sql-adapter", "http://adapters/adapters/sql-adapter");
            builder.ConfigureTestServices(services => services.ConfigureHttpClientDefaults(
                http => http.ConfigurePrimaryHttpMessageHandler(() => adapters.Server.CreateHandler())));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(_data, recursive: true);
        }
    }
}
