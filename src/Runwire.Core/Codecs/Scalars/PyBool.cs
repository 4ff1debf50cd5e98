namespace Runwire.Core.Codecs.Scalars;

/// <summary>pydantic v1's bool validator for strings: fixed words, case-insensitive, no whitespace stripping.</summary>
internal static class PyBool
{
    public static bool? Parse(string text) => text.ToLowerInvariant() switch
    {
        "1" or "on" or "t" or "true" or "y" or "yes" => true,
        "0" or "off" or "f" or "false" or "n" or "no" => false,
        _ => null,
    };
}
