using System.Text.Json;

namespace Runwire.Core.Codecs;

/// <summary>Writes engine values as hetida's result JSON (spec §3.3): wrapped SERIES/DATAFRAME, ISO timestamps, null for NaN.</summary>
public static class ValueEncoder
{
    /// <summary>Writes one output value. Throws <see cref="ValueEncodeException"/> for values that have no JSON form.</summary>
    public static void Write(Utf8JsonWriter writer, object? value) => throw new NotImplementedException();
}
