using System.Globalization;
using System.Text.RegularExpressions;

namespace Runwire.Core.Components.DataQuality;

/// <summary>Python's <c>float(str)</c>: surrounding whitespace, underscores between digits, inf/infinity/nan in any case.</summary>
public static partial class PyFloat
{
    [GeneratedRegex(@"^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();

    public static bool TryParse(string text, out double value)
    {
        var trimmed = text.Trim();
        var unsigned = trimmed.TrimStart('+', '-').ToLowerInvariant();
        var negative = trimmed.StartsWith('-');
        if (trimmed.Length - unsigned.Length <= 1 && unsigned is "inf" or "infinity" or "nan")
        {
            value = unsigned == "nan" ? double.NaN : negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        value = 0;
        return Decimal().IsMatch(trimmed)
            && double.TryParse(trimmed.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
