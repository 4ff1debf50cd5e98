using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using Runwire.Core.Codecs;

namespace Runwire.Core.Tests.Codecs;

/// <summary>Doubles inside JSON values (plotly figures, dicts) are written in Python's repr form, whichever path writes them.</summary>
public sealed class JsonDoubleProperties
{
    [Property(MaxTest = 5000)]
    public bool WriteDouble_AnyFiniteDouble_WritesPythonRepr(double value)
    {
        if (!double.IsFinite(value))
        {
            return true;
        }
        return Write(value) == PyFormat.Repr(value);
    }

    [Property(MaxTest = 5000)]
    public bool WriteDouble_FractionsAcrossMagnitudes_WritesPythonRepr(int mantissa, byte scale)
    {
        // Values around the fixed/exponent boundaries (1e-4, 1e15, 1e16), where the two writers could differ.
        var value = mantissa / 7.0 * Math.Pow(10, (scale % 24) - 8);
        return !double.IsFinite(value) || Write(value) == PyFormat.Repr(value);
    }

    [Fact]
    public void WriteDouble_BoundaryValues_WritesPythonRepr()
    {
        foreach (var value in new[] { 1e-4, 1.5e-4, 9.99e-5, 1e15, 1.5e15, 999999999999999.9, 1e16, 0.1, 2.5, -3.75, 123456.789 })
        {
            Assert.Equal(PyFormat.Repr(value), Write(value));
        }
    }

    private static string Write(double value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            PyJsonWriter.WriteDouble(writer, value);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
