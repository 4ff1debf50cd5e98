namespace Runwire.DataAdapters.LocalFile;

internal enum FileFormat { Unknown, Csv, Parquet, Excel }

/// <summary>The file formats the adapter reads, by extension as hetida registers them (hetdesrun_config.py).</summary>
internal static class FileFormats
{
    public static FileFormat Of(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".csv.gz", StringComparison.Ordinal))
        {
            return FileFormat.Csv;
        }
        if (name.EndsWith(".parquet", StringComparison.Ordinal))
        {
            return FileFormat.Parquet;
        }
        return name.EndsWith(".xlsx", StringComparison.Ordinal) || name.EndsWith(".xls", StringComparison.Ordinal)
            || name.EndsWith(".xlsm", StringComparison.Ordinal) || name.EndsWith(".xlsb", StringComparison.Ordinal)
            ? FileFormat.Excel
            : FileFormat.Unknown;
    }
}
