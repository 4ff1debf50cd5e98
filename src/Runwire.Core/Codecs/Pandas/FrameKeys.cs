using System.Text.Json;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// The object keys of a DataFrame's rows in columns orient. Timestamp and integer labels are written from stack
/// buffers (no string per row); pandas refuses duplicate labels, and so does this.
/// </summary>
internal sealed class FrameKeys
{
    private readonly Column _index;
    private readonly string[]? _texts;

    private FrameKeys(Column index, string[]? texts)
    {
        _index = index;
        _texts = texts;
    }

    public static FrameKeys Of(Column index)
    {
        bool unique;
        string[]? texts = null;
        switch (index)
        {
            case DateTimeColumn d:
                unique = new HashSet<long>(d.Ticks).Count == d.Length;
                break;
            case Int64Column l:
                unique = new HashSet<long>(l.Values).Count == l.Length;
                break;
            default:
                texts = PandasLabels.FormatAll(index);
                unique = new HashSet<string>(texts, StringComparer.Ordinal).Count == texts.Length;
                break;
        }
        return unique ? new FrameKeys(index, texts) : throw new ValueEncodeException("DataFrame index must be unique for orient='columns'.");
    }

    public void WriteName(Utf8JsonWriter writer, int row)
    {
        Span<byte> text = stackalloc byte[IsoMillis.MaxLength];
        switch (_index)
        {
            case DateTimeColumn d when d.Ticks[row] != DateTimeColumn.NaT:
                writer.WritePropertyName(text[..IsoMillis.Write(d.Ticks[row], d.IsUtc, text)]);
                break;
            case Int64Column l:
                l.Values[row].TryFormat(text, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
                writer.WritePropertyName(text[..written]);
                break;
            default:
                writer.WritePropertyName(_texts?[row] ?? PandasLabels.Format(_index, row));
                break;
        }
    }
}
