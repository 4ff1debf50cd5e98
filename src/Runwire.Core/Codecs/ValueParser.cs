using Runwire.Core.Data;

namespace Runwire.Core.Codecs;

/// <summary>
/// Parses a value given as text (a direct_provisioning <c>filters.value</c>, a default, a constant) into the engine's
/// value model for a declared data type, with hetida's rules (spec §3.2).
/// </summary>
public static class ValueParser
{
    /// <summary>
    /// Parses <paramref name="text"/> as <paramref name="type"/>. <paramref name="nullable"/> is true for defaults of
    /// optional inputs, which may be null. Throws <see cref="ValueParseException"/> when the text does not parse.
    /// </summary>
    public static object? Parse(string? text, DataType type, bool nullable = false) =>
        throw new NotImplementedException();

    /// <summary>Parses a stored JSON value (a default): a JSON string as text, another JSON value by its JSON text.</summary>
    public static object? ParseJson(System.Text.Json.Nodes.JsonNode? node, DataType type, bool nullable = false) =>
        throw new NotImplementedException();
}
