using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Runwire.Core.Transformations.PyModules;

namespace Runwire.Core.Tests.Transformations.PyModules;

/// <summary>Random literal trees and a Python spelling of each: any spacing, newlines and comments inside brackets, trailing commas.</summary>
internal static class PyValueSources
{
    public static Gen<(PyValue Value, string Source)> Values => Gen.Sized(size => Tree(Math.Min(size, 12)));

    private static readonly Gen<string> Gap = Gen.Elements("", " ", "\n", "\n    ", "  # comment, with ] and ' in it\n  ", "\\\n");

    private static Gen<(PyValue, string)> Leaf => Gen.OneOf(
        Gen.Elements("", "a", "key", "it's", "é", "line\nbreak").Select(s => ((PyValue)new PyValue.Str(s), PyValueJson.Dumps(new PyValue.Str(s)))),
        Gen.Choose(-100_000, 100_000).Select(i => ((PyValue)new PyValue.Int(i), i.ToString(CultureInfo.InvariantCulture))),
        Gen.Choose(-1000, 1000).Select(i => ((PyValue)new PyValue.Float(i / 8.0), (i / 8.0).ToString("0.0##", CultureInfo.InvariantCulture))),
        Gen.Elements<(PyValue, string)>((new PyValue.Bool(true), "True"), (new PyValue.Bool(false), "False"), (PyValue.NoneType.Instance, "None")));

    private static Gen<(PyValue, string)> Tree(int size) => size <= 1 ? Leaf : Gen.Frequency(
        (3, Leaf),
        (2, Items(size).SelectMany(items => Wrap("[", "]", items.Select(i => i.Item2)).Select(s => ((PyValue)new PyValue.List([.. items.Select(i => i.Item1)]), s)))),
        (1, Items(size).Where(items => items.Count != 1).SelectMany(items =>
            Wrap("(", ")", items.Select(i => i.Item2)).Select(s => ((PyValue)new PyValue.Tuple([.. items.Select(i => i.Item1)]), s)))),
        (2, Dict(size)),
        (1, Gen.Choose(-50, 50).ListOf().Where(l => l.Count > 0).SelectMany(l =>
            Wrap("{", "}", l.Select(i => i.ToString(CultureInfo.InvariantCulture)))
                .Select(s => ((PyValue)new PyValue.Set([.. l.Distinct().Select(i => (PyValue)new PyValue.Int(i))]), s)))));

    private static Gen<List<(PyValue, string)>> Items(int size) =>
        Gen.Choose(0, 4).SelectMany(n => Tree(size / 2).ListOf(n)).Select(l => l.ToList());

    private static Gen<(PyValue, string)> Dict(int size) =>
        from n in Gen.Choose(0, 4)
        from keys in Gen.Elements("a", "b", "c", "d", "e", "f").ListOf(n)
        from values in Tree(size / 2).ListOf(n)
        let unique = keys.Zip(values).DistinctBy(kv => kv.First).ToList()
        from text in Wrap("{", "}", unique.Select(kv => $"'{kv.First}': {kv.Second.Item2}"))
        select ((PyValue)new PyValue.Dict([.. unique.Select(kv => new KeyValuePair<PyValue, PyValue>(new PyValue.Str(kv.First), kv.Second.Item1))]), text);

    private static Gen<string> Wrap(string open, string close, IEnumerable<string> items)
    {
        var list = items.ToList();
        return from gaps in Gap.ListOf(list.Count + 1)
               from trailing in Gen.Elements("", ",")
               let g = gaps.ToList()
               select open + g[0] + string.Join(",", list.Select((item, i) => item + g[i + 1])) + (list.Count > 0 ? trailing : "") + close;
    }
}
