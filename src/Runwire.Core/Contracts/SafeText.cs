using System.Text;

namespace Runwire.Core.Contracts;

/// <summary>
/// Replaces lone surrogates with U+FFFD. Error texts echo user input, and JSON escapes like "\ud800" decode to lone
/// surrogates that <see cref="System.Text.Json.Utf8JsonWriter"/> refuses to write; a failure answer must never fail.
/// </summary>
internal static class SafeText
{
    public static string Of(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !char.IsSurrogatePair(text, i) && !(i > 0 && char.IsSurrogatePair(text, i - 1)))
            {
                return Replace(text);
            }
        }
        return text;
    }

    private static string Replace(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            sb.Append(rune.ToString()); // EnumerateRunes yields U+FFFD for a lone surrogate
        }
        return sb.ToString();
    }
}
