namespace Runwire.Core.Codecs;

/// <summary>An output value that has no JSON representation (stage ENCODING_RESULTS_TO_JSON).</summary>
public sealed class ValueEncodeException(string message) : Exception(message);
