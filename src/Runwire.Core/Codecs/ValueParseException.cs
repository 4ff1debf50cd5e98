namespace Runwire.Core.Codecs;

/// <summary>A value that cannot be parsed into its declared data type; the message says why, in pydantic's words where hetida has them.</summary>
public sealed class ValueParseException(string message, Exception? inner = null) : Exception(message, inner);
