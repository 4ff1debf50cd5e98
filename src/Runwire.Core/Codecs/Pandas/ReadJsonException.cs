namespace Runwire.Core.Codecs.Pandas;

/// <summary>pandas' <c>read_json</c> raised; hetida turns that into its generic "Could not parse…" error.</summary>
internal sealed class ReadJsonException(string message) : Exception(message);
