using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.Core.Contracts.Steps;

/// <summary>
/// The step contract between a job orchestrator (ingest's Dapr workflow) and the executor's <c>/internal/*</c>
/// endpoints. Internal JSON with <see cref="JsonSerializerOptions.Web"/> (camelCase), as Dapr's own clients use.
/// </summary>
public static class StepJson
{
    // A step answer holds a whole result one level down, and results nest up to ResultWriter.MaxDepth (the Web default is 64).
    public static JsonSerializerOptions Options { get; } = Frozen(new(JsonSerializerOptions.Web) { MaxDepth = ResultWriter.MaxDepth + 4 });

    private static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>An input a job wires to an adapter other than direct_provisioning, with the input's declared data type.</summary>
public sealed record InputLoad(InputWiring Wiring, string DataType);

/// <summary>An output a job wires to an adapter other than direct_provisioning, with the output's declared data type.</summary>
public sealed record OutputSend(OutputWiring Wiring, string DataType);

/// <summary>One entry of <c>output_types_by_output_name</c>, in the transformation's output order.</summary>
public sealed record NamedType(string Name, string DataType);

/// <summary>What a runnable job needs from adapters before and after execution (step "prepare").</summary>
public sealed record PreparedJob(Guid TransformationId, IReadOnlyList<InputLoad> Loads, IReadOnlyList<OutputSend> Sends, IReadOnlyList<NamedType> OutputTypes);

/// <summary>
/// Step "run": the decoded job, the values the adapters loaded (in direct_provisioning's text form, parsed at
/// PARSING_LOADED_DATA like inline values) and the outputs to return instead of sending, so the orchestrator sends them.
/// </summary>
public sealed record RunRequest(ExecutionJob Job, IReadOnlyDictionary<string, string> Loaded, IReadOnlyList<string> Sinks);

/// <summary>
/// The executor's answer to a step: <see cref="Kind"/> is a <c>JobAnswerKind</c> name, <see cref="Result"/> the hetida
/// result JSON, <see cref="Detail"/> the web error <c>detail</c> for refused jobs, <see cref="Prepared"/> set when
/// "prepare" found the job runnable.
/// </summary>
public sealed record StepAnswer(string Kind, int HttpStatus, JsonNode? Detail, JsonObject? Result, PreparedJob? Prepared);
