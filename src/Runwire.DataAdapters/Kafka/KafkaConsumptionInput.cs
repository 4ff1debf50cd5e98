using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Runwire.Core.Contracts;

namespace Runwire.DataAdapters.Kafka;

/// <summary>
/// Consumption mode's fixed execution input (hetida's Kafka adapter consumption mode) and what it listens to: read from
/// <c>Runwire:Consume:File</c> (a file holding an <c>ExecByIdInput</c> without job id) or hetida's
/// <c>HETIDA_DESIGNER_KAFKA_CONSUMPTION_MODE</c> (the same JSON). The standalone host consumes the topic itself; Dapr
/// mode's ingest takes the topic's records from a pub/sub subscription and turns each into a job with <see cref="JobFor"/>.
/// </summary>
public sealed record KafkaConsumptionInput(ExecutionJob Job, KafkaConsumption Plan, string? File)
{
    /// <summary>The configured input; null when consumption mode is off. Throws <see cref="AdapterConfigurationException"/> saying why it cannot run.</summary>
    public static KafkaConsumptionInput? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = configuration["Runwire:Consume:File"];
        var text = file is { Length: > 0 } ? Read(file) : configuration["HETIDA_DESIGNER_KAFKA_CONSUMPTION_MODE"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        ExecutionJob job;
        try
        {
            job = JobDecoder.Decode(Encoding.UTF8.GetBytes(text));
        }
        catch (JobDecodeException e)
        {
            throw new AdapterConfigurationException($"The consumption mode's execution input {file} is not an execution input: {e.Message}", e);
        }
        try
        {
            return new KafkaConsumptionInput(job, KafkaConsumption.For(AdapterSettings.From(configuration).Kafka, job.Wiring), file);
        }
        catch (InvalidOperationException e)
        {
            throw new AdapterConfigurationException(e.Message, e);
        }
    }

    /// <summary>
    /// The job one record of the topic runs: the fixed input under <paramref name="jobId"/>, each Kafka input wiring
    /// replaced by a direct_provisioning one holding the message's value for its value key (a STRING's text as it is),
    /// so the workflow parses it into the input's type as any direct value. Throws <see cref="FormatException"/> with
    /// hetida's words when the record is not a message of the expected format or lacks a value key.
    /// </summary>
    public ExecutionJob JobFor(Guid jobId, ReadOnlySpan<byte> record)
    {
        KafkaMessage message;
        try
        {
            message = KafkaMessage.Read(record, Plan.Multi);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Error parsing/validating {(Plan.Multi ? "multi" : "single")} value message {Plan.Identifier} "
                + $"from Kafka with config key {Plan.ConfigKey} from topic {Plan.Config.Topic}:\n{e.Message}", e);
        }
        var wiring = Job.Wiring!;
        var inputs = wiring.InputWirings.Select(w =>
        {
            if (w.AdapterId.IsInteger || w.AdapterId.Value != KafkaAdapter.AdapterId)
            {
                return w;
            }
            var key = KafkaIds.ValueKey(w.Filters).ValueKey;
            if (!message.Values.TryGetValue(key.Length == 0 ? KafkaMessage.Single : key, out var value))
            {
                throw new FormatException($"Missing expected multi value key {key} in received message {Plan.Identifier} from Kafka "
                    + $"with config key {Plan.ConfigKey} from topic {Plan.Config.Topic}: got {string.Join(", ", message.Values.Keys)}.");
            }
            var text = value.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.Value?.ToJsonString() ?? "null";
            return new InputWiring(w.WorkflowInputName, AdapterId.DirectProvisioning, Filters: new Dictionary<string, string> { ["value"] = text });
        }).ToList();
        return Job with { JobId = jobId, JobIdGiven = true, Wiring = wiring with { InputWirings = inputs } };
    }

    private static string Read(string file)
    {
        try
        {
            return System.IO.File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AdapterConfigurationException($"The consumption mode's execution input {file} cannot be read: {e.Message}", e);
        }
    }
}
