using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;

namespace Runwire.Adapters.Steps;

internal sealed record LoadRequest(string AdapterId, Guid JobId, Guid TransformationId, IReadOnlyList<InputLoad> Inputs);

internal sealed record SendOutput(OutputWiring Wiring, string DataType, JsonNode? Value);

/// <summary>
/// The workflow's send step. It may come again after its answer was lost, so the sinks write each output once per job;
/// <see cref="JobTime"/> (when ingest received the job) names time-stamped files the same way each time.
/// </summary>
internal sealed record SendRequest(string AdapterId, Guid JobId, Guid TransformationId, IReadOnlyList<SendOutput> Outputs, DateTimeOffset? JobTime = null);

/// <summary>An adapter's refusal: hetida's exception class name and message.</summary>
internal sealed record StepError(string Type, string Message);
