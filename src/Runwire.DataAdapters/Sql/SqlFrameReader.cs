using System.Data.Common;
using Runwire.Core.Data;
using Runwire.DataAdapters.Frames;

namespace Runwire.DataAdapters.Sql;

/// <summary>
/// Reads a query result into a frame typed like <c>pandas.read_sql</c>: integers as int64 (float64 with NaN when a
/// value is NULL), floats and numerics as float64, timestamptz as UTC timestamps, timestamp as naive ones, text and
/// everything else as objects. Stops with an error as soon as the row limit is passed.
/// </summary>
internal static class SqlFrameReader
{
    public static async Task<DataFrame> ReadAsync(DbDataReader reader, int maxRows, Func<int, Exception> tooMany, CancellationToken ct)
    {
        var n = reader.FieldCount;
        var names = new string[n];
        var readers = new Func<DbDataReader, int, object?>[n];
        var builders = new ColumnBuilder[n];
        for (var i = 0; i < n; i++)
        {
            names[i] = reader.GetName(i);
            builders[i] = new ColumnBuilder();
        }
        var typeNames = Enumerable.Range(0, n).Select(i => reader.GetDataTypeName(i)).ToArray();
        var kinds = typeNames.Select(Code).ToArray();
        var rows = 0;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (++rows > maxRows)
            {
                throw tooMany(maxRows);
            }
            for (var i = 0; i < n; i++)
            {
                var b = builders[i];
                if (reader.IsDBNull(i))
                {
                    b.AddMissing();
                    continue;
                }
                switch (kinds[i])
                {
                    case 1: b.Add(reader.GetDouble(i)); break;
                    case 2: b.Add((double)reader.GetFloat(i)); break;
                    case 3: b.Add((double)reader.GetDecimal(i)); break;
                    case 4: b.Add(reader.GetInt64(i)); break;
                    case 5: b.Add((long)reader.GetInt32(i)); break;
                    case 6: b.Add((long)reader.GetInt16(i)); break;
                    case 7: b.Add(reader.GetBoolean(i)); break;
                    case 8: b.AddDate(reader.GetDateTime(i).Ticks, true); break;
                    case 9: b.AddDate(reader.GetDateTime(i).Ticks, false); break;
                    case 10: b.Add(reader.GetString(i)); break;
                    default: b.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? ""); break;
                }
            }
        }
        var columns = builders.Select((b, i) => b.Count == 0 ? Empty(typeNames[i]) : b.Build()).ToList();
        return new DataFrame(Column.Range(rows), names, columns);
    }

    private static int Code(string kind) => kind switch
    {
        "double precision" => 1,
        "real" => 2,
        "numeric" => 3,
        "bigint" => 4,
        "integer" => 5,
        "smallint" => 6,
        "boolean" => 7,
        "timestamp with time zone" => 8,
        "timestamp without time zone" => 9,
        "text" or "character varying" or "character" => 10,
        _ => 0,
    };

    private static Column Empty(string kind) => kind switch
    {
        "bigint" or "integer" or "smallint" => new Int64Column([]),
        "double precision" or "real" or "numeric" => new Float64Column([]),
        "boolean" => new BoolColumn([]),
        "timestamp with time zone" => new DateTimeColumn([], true),
        "timestamp without time zone" => new DateTimeColumn([], false),
        _ => new ObjectColumn([]),
    };
}
