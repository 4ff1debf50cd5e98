using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.DataQuality;

/// <summary>
/// <c>Series.interpolate(**params)</c> of pandas 1.5 for float values: the numpy methods (linear, time, index, values) with
/// <c>limit</c>, <c>limit_direction</c>, <c>limit_area</c>, and the fill methods (pad/ffill, backfill/bfill). The
/// scipy-based methods are recognised but not implemented.
/// </summary>
internal static class SeriesInterpolation
{
    private static readonly string[] NumpyMethods = ["linear", "time", "index", "values"];

    private static readonly string[] ScipyMethods =
    [
        "nearest", "zero", "slinear", "quadratic", "cubic", "barycentric", "krogh", "spline", "polynomial",
        "from_derivatives", "piecewise_polynomial", "pchip", "akima", "cubicspline",
    ];

    /// <param name="values">The values, NaN where missing (changed in place).</param>
    /// <param name="index">The series index: datetimes or float positions.</param>
    /// <param name="parameters">The keyword arguments.</param>
    public static void Interpolate(double[] values, Column index, JsonObject parameters)
    {
        if (Get(parameters, "inplace") is { } inplace && inplace.GetValueKind() is not (JsonValueKind.False or JsonValueKind.Null))
        {
            throw inplace.GetValueKind() == JsonValueKind.True
                ? new PyException("AttributeError", "'NoneType' object has no attribute 'values'")
                : PyException.ValueError($"For argument \"inplace\" expected type bool, received type {ComponentErrors.JsonTypeName(inplace)}.");
        }
        if (Get(parameters, "downcast") is { } downcast && downcast.GetValueKind() != JsonValueKind.Null)
        {
            throw new PyException("NotImplementedError", "Runwire does not support the interpolate argument 'downcast'.");
        }
        if (values.Length == 0)
        {
            return;
        }
        var method = parameters.TryGetPropertyValue("method", out var m) ? Text(m) : "linear";
        var direction = Get(parameters, "limit_direction") is { } d && d.GetValueKind() != JsonValueKind.Null ? Text(d) : null;
        if (direction is not null && method is "pad" or "ffill" && direction != "forward")
        {
            throw PyException.ValueError($"`limit_direction` must be 'forward' for method `{method}`");
        }
        if (direction is not null && method is "backfill" or "bfill" && direction != "backward")
        {
            throw PyException.ValueError($"`limit_direction` must be 'backward' for method `{method}`");
        }
        direction ??= method is "backfill" or "bfill" ? "backward" : "forward";
        var area = Get(parameters, "limit_area") is { } a && a.GetValueKind() != JsonValueKind.Null ? Text(a) : null;
        var limitNode = Get(parameters, "limit");
        var fillMethod = method?.ToLowerInvariant() switch
        {
            "pad" or "ffill" => "pad",
            "backfill" or "bfill" => "backfill",
            _ => null,
        };
        if (fillMethod is not null)
        {
            if (Get(parameters, "fill_value") is { } fill && fill.GetValueKind() != JsonValueKind.Null)
            {
                throw PyException.ValueError("Cannot pass both fill_value and method");
            }
            FillInterpolation.Fill(values, fillMethod == "pad", Limit(limitNode), area);
            return;
        }
        NumpyInterpolate(values, index, method, direction, area, limitNode, parameters);
    }

    private static void NumpyInterpolate(
        double[] values, Column index, string? method, string direction, string? area, JsonNode? limitNode, JsonObject parameters)
    {
        if (method is "spline" or "polynomial" && Get(parameters, "order") is null)
        {
            throw PyException.ValueError("You must specify the order of the spline or polynomial.");
        }
        if (!NumpyMethods.Contains(method) && !ScipyMethods.Contains(method))
        {
            var valid = string.Join(", ", NumpyMethods.Concat(ScipyMethods).Select(v => $"'{v}'"));
            throw PyException.ValueError($"method must be one of [{valid}]. Got '{method ?? "None"}' instead.");
        }
        if (ScipyMethods.Contains(method))
        {
            throw new PyException("NotImplementedError", $"Runwire does not implement scipy's interpolation method '{method}'.");
        }
        if (method == "time" && index is not DateTimeColumn)
        {
            throw PyException.ValueError("time-weighted interpolation only works on Series or DataFrames with a DatetimeIndex");
        }
        direction = direction.ToLowerInvariant();
        if (direction is not ("forward" or "backward" or "both"))
        {
            throw PyException.ValueError($"Invalid limit_direction: expecting one of ['forward', 'backward', 'both'], got '{direction}'.");
        }
        area = area?.ToLowerInvariant();
        if (area is not (null or "inside" or "outside"))
        {
            throw PyException.ValueError($"Invalid limit_area: expecting one of ['inside', 'outside'], got {area}.");
        }
        var limit = Limit(limitNode);
        var x = method == "linear" ? [.. Enumerable.Range(0, values.Length).Select(i => (double)i)] : Positions(index);
        NumpyInterp.FillMissing(values, x, limit, direction, area);
    }

    private static double[] Positions(Column index) => index switch
    {
        DateTimeColumn d => [.. Data.TimeOps.EpochNanos.FromColumn(d).Select(t => (double)t)],
        _ => index.ToDoubles(),
    };

    // pandas' validate_limit: an int of at least 1
    private static long? Limit(JsonNode? node)
    {
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.Number || ComponentErrors.JsonTypeName(node) != "int")
        {
            throw PyException.ValueError("Limit must be an integer");
        }
        var limit = long.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
        return limit < 1 ? throw PyException.ValueError("Limit must be greater than 0") : limit;
    }

    private static JsonNode? Get(JsonObject parameters, string name) => parameters.TryGetPropertyValue(name, out var v) ? v : null;

    private static string? Text(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
