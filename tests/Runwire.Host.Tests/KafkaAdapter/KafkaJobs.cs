using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.KafkaAdapter;

/// <summary>Jobs (hetida's ExecByIdInput) whose inputs and outputs are wired to the Kafka adapter, as hetida's wiring dialog writes them.</summary>
internal static class KafkaJobs
{
    public const string GridGenerator = "096c6181-4ba5-0ee7-361a-3c32eee8c0c2";
    public const string PassThroughSeries = "bfa27afc-dea8-b8aa-4b15-94402f0739b6";

    public static JsonObject Job(string transformationId, Guid jobId, JsonArray inputs, JsonArray? outputs = null) => new()
    {
        ["id"] = transformationId,
        ["job_id"] = jobId.ToString(),
        ["run_pure_plot_operators"] = false,
        ["wiring"] = new JsonObject { ["input_wirings"] = inputs, ["output_wirings"] = outputs ?? [] },
    };

    /// <summary>Runs a job on a host's synchronous execute endpoint and returns its result.</summary>
    public static async Task<JsonObject> ExecuteAsync(ServeProcess serve, JsonObject job)
    {
        using var response = await serve.Http.PostAsJsonAsync(new Uri("/api/transformations/execute", UriKind.Relative), job).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<JsonObject>().ConfigureAwait(false))!;
    }

    public static JsonObject Direct(string input, string value) => new()
    {
        ["workflow_input_name"] = input,
        ["adapter_id"] = "direct_provisioning",
        ["filters"] = new JsonObject { ["value"] = value },
    };

    /// <summary>The grid generator's inputs: a 3 × 3 grid over [0, 1] × [0, 2].</summary>
    public static JsonArray GridInputs() =>
        [Direct("x_min", "0"), Direct("x_max", "1"), Direct("y_min", "0"), Direct("y_max", "2"), Direct("n", "3")];

    public static JsonObject KafkaInput(string input, string id, string type, string valueKey) =>
        Wiring("workflow_input_name", input, id, type, valueKey);

    public static JsonObject KafkaOutput(string output, string id, string type, string valueKey) =>
        Wiring("workflow_output_name", output, id, type, valueKey);

    // Metadata wirings name the source or sink in ref_key under the thing node, the others in ref_id (hetida's dialog).
    private static JsonObject Wiring(string nameField, string name, string id, string type, string valueKey)
    {
        var metadata = type.StartsWith("metadata", StringComparison.Ordinal);
        return new JsonObject
        {
            [nameField] = name,
            ["adapter_id"] = "kafka",
            ["ref_id"] = metadata ? "base" : id,
            ["ref_id_type"] = metadata ? "THINGNODE" : (nameField == "workflow_input_name" ? "SOURCE" : "SINK"),
            ["ref_key"] = metadata ? id : null,
            ["type"] = type,
            ["filters"] = new JsonObject { ["message_value_key"] = valueKey },
        };
    }
}
