namespace Runwire.Ingest.Payloads;

/// <summary>
/// A value in workflow history: small ones inline as text, large ones as a key in the Dapr state store (claim check),
/// because the whole history of an instance must fit in daprd's body limit (dapr-notes §3.6).
/// </summary>
internal sealed record PayloadRef(string? Inline, string? Key);
