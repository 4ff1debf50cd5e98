namespace Runwire.Core.Data;

/// <summary>hetida's data types, with their exact JSON spelling (spec §3.1).</summary>
public enum DataType
{
    Int,
    Float,
    String,
    DataFrame,
    Series,
    MultiTSFrame,
    Boolean,
    Any,
    PlotlyJson,
}

/// <summary>Conversion between <see cref="DataType"/> and hetida's JSON names.</summary>
public static class DataTypes
{
    /// <summary>The JSON name of a data type, e.g. <c>MULTITSFRAME</c>.</summary>
    public static string ToJson(this DataType type) => type switch
    {
        DataType.Int => "INT",
        DataType.Float => "FLOAT",
        DataType.String => "STRING",
        DataType.DataFrame => "DATAFRAME",
        DataType.Series => "SERIES",
        DataType.MultiTSFrame => "MULTITSFRAME",
        DataType.Boolean => "BOOLEAN",
        DataType.Any => "ANY",
        DataType.PlotlyJson => "PLOTLYJSON",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Parses a JSON data type name; null when it is not one of hetida's.</summary>
    public static DataType? FromJson(string? name) => name switch
    {
        "INT" => DataType.Int,
        "FLOAT" => DataType.Float,
        "STRING" => DataType.String,
        "DATAFRAME" => DataType.DataFrame,
        "SERIES" => DataType.Series,
        "MULTITSFRAME" => DataType.MultiTSFrame,
        "BOOLEAN" => DataType.Boolean,
        "ANY" => DataType.Any,
        "PLOTLYJSON" => DataType.PlotlyJson,
        _ => null,
    };
}
