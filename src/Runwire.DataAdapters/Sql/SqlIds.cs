namespace Runwire.DataAdapters.Sql;

internal enum SqlIdKind { Query, Table, TimeseriesTable, AppendTable, ReplaceTable, AppendableTimeseriesTable }

/// <summary>hetida's SQL source and sink ids: <c>&lt;db key&gt;/query</c>, <c>&lt;db key&gt;/table/&lt;table&gt;</c>, <c>…/ts_table/…</c>, <c>…/append_table/…</c>, <c>…/replace_table/…</c>, <c>…/appendable_ts_table/…</c>.</summary>
internal sealed record SqlId(string DbKey, SqlIdKind Kind, string Table)
{
    public static SqlId? Parse(string id)
    {
        var parts = id.Split('/', 3);
        if (parts.Length < 2 || parts[0].Length == 0)
        {
            return null;
        }
        if (parts is [var key, "query"])
        {
            return new SqlId(key, SqlIdKind.Query, "");
        }
        if (parts.Length < 3 || parts[2].Length == 0)
        {
            return null;
        }
        SqlIdKind? kind = parts[1] switch
        {
            "table" => SqlIdKind.Table,
            "ts_table" => SqlIdKind.TimeseriesTable,
            "append_table" => SqlIdKind.AppendTable,
            "replace_table" => SqlIdKind.ReplaceTable,
            "appendable_ts_table" => SqlIdKind.AppendableTimeseriesTable,
            _ => null,
        };
        return kind is { } k ? new SqlId(parts[0], k, parts[2]) : null;
    }

    public string KindText => Kind switch
    {
        SqlIdKind.Query => "query",
        SqlIdKind.Table => "table",
        SqlIdKind.TimeseriesTable => "ts_table",
        SqlIdKind.AppendTable => "append_table",
        SqlIdKind.ReplaceTable => "replace_table",
        _ => "appendable_ts_table",
    };

    public override string ToString() => Kind == SqlIdKind.Query ? DbKey + "/query" : $"{DbKey}/{KindText}/{Table}";
}
