using System.Globalization;
using Runwire.Core.Codecs;

namespace Runwire.Core.Contracts.Pydantic;

/// <summary>pydantic v1's validators for the scalar field types the job models use, with their messages and error types.</summary>
internal static class PyFields
{
    private static readonly string[] BoolTrue = ["1", "on", "t", "true", "y", "yes"];
    private static readonly string[] BoolFalse = ["0", "off", "f", "false", "n", "no"];

    /// <summary><c>str</c>: strings as they are, numbers and bools through Python's <c>str()</c> (30→"30", 1.5→"1.5", true→"True").</summary>
    public static Checked<string> Str(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (PyStrOf(node) is { } text)
        {
            return text;
        }
        errors.Add(loc, "str type expected", "type_error.str");
        return Checked<string>.Invalid;
    }

    /// <summary>Python's <c>str(value)</c> for the scalars pydantic coerces to str; null for anything else.</summary>
    public static string? PyStrOf(PyNode node) => node switch
    {
        PyStr s => s.Value,
        PyInt i => i.Value.ToString(CultureInfo.InvariantCulture),
        PyBool b => b.Value ? "True" : "False",
        PyFloat f => PyFormat.Repr(f.Value),
        _ => null,
    };

    /// <summary><c>bool</c>: true/false, 0/1 (also 0.0/1.0), and the words yes/no, on/off, t/f, y/n, true/false, 1/0 in any case.</summary>
    public static Checked<bool> Bool(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        bool? value = node switch
        {
            PyBool b => b.Value,
            PyInt i when i.Value.IsZero || i.Value.IsOne => i.Value.IsOne,
            PyFloat f when f.Value is 0.0 or 1.0 => f.Value == 1.0,
            PyStr s when BoolTrue.Contains(s.Value.ToLowerInvariant()) => true,
            PyStr s when BoolFalse.Contains(s.Value.ToLowerInvariant()) => false,
            _ => null,
        };
        if (value is { } v)
        {
            return v;
        }
        errors.Add(loc, "value could not be parsed to a boolean", "type_error.bool");
        return Checked<bool>.Invalid;
    }

    /// <summary><c>UUID</c>: only strings, parsed as Python's <c>uuid.UUID</c> parses them.</summary>
    public static Checked<Guid> Uuid(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (node is PyStr s && PyParse.Uuid(s.Value) is { } guid)
        {
            return guid;
        }
        errors.Add(loc, "value is not a valid uuid", "type_error.uuid");
        return Checked<Guid>.Invalid;
    }

    /// <summary><c>int</c> (lax): ints, bools, floats truncated, and strings Python's <c>int()</c> accepts.</summary>
    public static Checked<long> Int(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        System.Numerics.BigInteger? value = node switch
        {
            PyInt i => i.Value,
            PyBool b => b.Value ? 1 : 0,
            PyFloat f when double.IsFinite(f.Value) => new System.Numerics.BigInteger(Math.Truncate(f.Value)),
            PyStr s when s.Value.Length <= 4300 => PyParse.Int(s.Value, 10),
            _ => null,
        };
        if (value is { } v && v >= long.MinValue && v <= long.MaxValue)
        {
            return (long)v;
        }
        errors.Add(loc, "value is not a valid integer", "type_error.integer");
        return Checked<long>.Invalid;
    }

    /// <summary>A str-valued Enum: the value must be one of <paramref name="accepted"/> (canonical values and aliases).</summary>
    public static Checked<string> Enum(PyNode node, IReadOnlyList<object> loc, ErrorList errors,
        IReadOnlyDictionary<string, string> accepted, IEnumerable<string> permitted)
    {
        if (node is PyStr s && accepted.TryGetValue(s.Value, out var canonical))
        {
            return canonical;
        }
        var list = string.Join(", ", permitted.Select(p => $"'{p}'"));
        errors.Add(loc, $"value is not a valid enumeration member; permitted: {list}", "type_error.enum");
        return Checked<string>.Invalid;
    }

    /// <summary><c>list[...]</c>: only JSON arrays (pydantic's sequence check).</summary>
    public static IReadOnlyList<PyNode>? List(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (node is PyList list)
        {
            return list.Items;
        }
        errors.Add(loc, "value is not a valid list", "type_error.list");
        return null;
    }
}
