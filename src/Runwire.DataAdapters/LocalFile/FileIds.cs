namespace Runwire.DataAdapters.LocalFile;

/// <summary>hetida's URL representation of paths in source, sink and thing node ids (local_file/utils.py).</summary>
internal static class FileIds
{
    public const string GenericDataFrameSinkPrefix = "GENERIC_DATAFRAME_SINK_AT_";

    public static string ToUrl(string path) => path.Replace("_", "-_-", StringComparison.Ordinal).Replace("/", "__", StringComparison.Ordinal);

    public static string FromUrl(string id) => id.Replace("__", "/", StringComparison.Ordinal).Replace("-_-", "_", StringComparison.Ordinal);
}
