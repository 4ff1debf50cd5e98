using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>
/// Inputs that hetida's code uses as pandas objects. hetida does not type-check inputs inside workflows, so a wrong
/// value fails at the first attribute the code touches; these raise that AttributeError.
/// </summary>
internal static class PandasArgs
{
    /// <summary>The value as a Series; AttributeError naming <paramref name="attribute"/> for non-pandas values.</summary>
    public static Series AsSeries(object? value, string attribute) => value switch
    {
        Series s => s,
        DataFrame => throw PyErrors.NotSupported("a DataFrame where the component expects a Series"),
        _ => throw PyErrors.NoAttribute(PyValue.Normalize(value), attribute),
    };

    /// <summary>The value as a Series or DataFrame; AttributeError naming <paramref name="attribute"/> otherwise.</summary>
    public static object AsPandas(object? value, string attribute) => value is Series or DataFrame
        ? value
        : throw PyErrors.NoAttribute(PyValue.Normalize(value), attribute);
}
