using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;

namespace Runwire.Adapters.Steps;

internal sealed record LoadRequest(string AdapterId, Guid JobId, Guid TransformationId, IReadOnlyList<InputLoad> Inputs);

internal sealed record SendOutput(OutputWiring Wiring, string DataType, JsonNode? Value);

internal sealed record SendRequest(string AdapterId, Guid JobId, Guid TransformationId, IReadOnlyList<SendOutput> Outputs);

/// <summary>An adapter's refusal: hetida's exception class name and message.</summary>
internal sealed record StepError(string Type, string Message);
