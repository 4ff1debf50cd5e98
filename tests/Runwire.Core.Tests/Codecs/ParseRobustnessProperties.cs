using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Runwire.Core.Codecs;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Codecs;

/// <summary>Whatever arrives, parsing ends in a value or a <see cref="ValueParseException"/>, never another exception.</summary>
public sealed class ParseRobustnessProperties
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "null", "true", "NaN", "-Infinity", "1.5", "0", "1600000000", "1e400", "-7",
        "\"a\"", "\"0\"", "\"\"", "\"NaT\"", "\"1.5\"", "\"2020-01-01T00:00:00Z\"", "\"2020-02-30\"", "\"2020-01-01T00:00:00+01:00\"",
        "\"timestamp\"", "\"metric\"", "\"value\"", "\"__hd_wrapped_data_object__\"", "\"SERIES\"", "\"DATAFRAME\"",
        "\"__metadata__\"", "\"__data__\"", "\"__data_parsing_options__\"", "\"orient\"", "\"split\"", "\"index\"",
        "\"data\"", "\"columns\"", "\"name\"", "\"records\"", "\"date_unit\"", "\"ms\"",
    ];

    private static readonly Gen<string> Texts = Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));

    private static readonly Gen<string> Objects =
        from keys in Gen.Elements(Fragments.Where(f => f.StartsWith('"')).ToArray()).ListOf()
        from values in Gen.Elements(Fragments.Where(f => f.Length > 1 && f[0] != '{').ToArray()).ListOf(keys.Count)
        from shape in Gen.Elements("{{{0}}}", "[{{{0}}}]", "{{\"a\": {{{0}}}}}", "{{\"a\": [{1}]}}")
        select string.Format(System.Globalization.CultureInfo.InvariantCulture, shape,
            string.Join(", ", keys.Zip(values, (k, v) => k + ": " + v)), string.Join(", ", values));

    [Property(MaxTest = 300)]
    public Property AnyFragmentSoup_ParsesOrThrowsParseException() =>
        Prop.ForAll(Arb.From(Gen.OneOf(Texts, Objects)), text =>
        {
            foreach (var type in Enum.GetValues<DataType>())
            {
                try
                {
                    ValueParser.Parse(text, type);
                }
                catch (ValueParseException)
                {
                }
            }
        });
}
