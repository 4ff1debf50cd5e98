using Runwire.Core.Contracts.Pydantic;

namespace Runwire.Core.Contracts.Legacy;

/// <summary>
/// One JSON object read the way hetida 0.6's Jackson <c>ObjectMapper</c> read it: unknown keys are an error
/// (<c>FAIL_ON_UNKNOWN_PROPERTIES</c>), absent keys are null, scalars coerce to String.
/// </summary>
internal sealed class JacksonObject
{
    private readonly PyDict _dict;
    private readonly ErrorList _errors;

    private JacksonObject(PyDict dict, IReadOnlyList<object> loc, ErrorList errors)
    {
        _dict = dict;
        Loc = loc;
        _errors = errors;
    }

    public IReadOnlyList<object> Loc { get; }

    public static JacksonObject? Open(PyNode node, IReadOnlyList<object> loc, ErrorList errors, IReadOnlyCollection<string> known)
    {
        if (node is not PyDict dict)
        {
            errors.Add(loc.Count == 0 ? ["__root__"] : loc, "value is not a valid dict", "type_error.dict");
            return null;
        }
        foreach (var (key, _) in dict.Items.Where(kv => !known.Contains(kv.Key)))
        {
            errors.Add(loc.Then(key), "extra fields not permitted", "value_error.extra");
        }
        return new JacksonObject(dict, loc, errors);
    }

    /// <summary>A value the Java code dereferences: null or absent fails like its NullPointerException would.</summary>
    public PyNode? Required(string key)
    {
        switch (_dict.Get(key))
        {
            case null:
                _errors.Missing(Loc.Then(key));
                return null;
            case PyNone:
                _errors.NoneNotAllowed(Loc.Then(key));
                return null;
            case var node:
                return node;
        }
    }

    public PyNode? Optional(string key) => _dict.Get(key) is { } node and not PyNone ? node : null;

    /// <summary>Jackson's String: strings, and numbers or booleans as their text.</summary>
    public string? String(string key, bool required = false)
    {
        var node = required ? Required(key) : Optional(key);
        return node is null ? null : StringOf(node, Loc.Then(key), _errors);
    }

    public static string? StringOf(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        switch (node)
        {
            case PyBool b:
                return b.Value ? "true" : "false";
            case PyStr or PyInt or PyFloat:
                return PyFields.PyStrOf(node);
            default:
                errors.Add(loc, "str type expected", "type_error.str");
                return null;
        }
    }

    /// <summary>Jackson's UUID: the 36-character form (any case) or 24 characters of base64; "" is null.</summary>
    public Guid? Uuid(string key, bool required = false)
    {
        var node = required ? Required(key) : Optional(key);
        if (node is null || node is PyStr { Value.Length: 0 } && !required)
        {
            return null;
        }
        if (node is PyStr s && Parse(s.Value) is { } guid)
        {
            return guid;
        }
        _errors.Add(Loc.Then(key), "value is not a valid uuid", "type_error.uuid");
        return null;
    }

    private static Guid? Parse(string text)
    {
        if (text.Length == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' && text[23] == '-'
            && text.Replace("-", "", StringComparison.Ordinal).All(char.IsAsciiHexDigit))
        {
            return Guid.ParseExact(text, "D");
        }
        Span<byte> bytes = stackalloc byte[18];
        return text.Length == 24 && Convert.TryFromBase64String(text, bytes, out var written) && written == 16
            ? new Guid(bytes[..16], bigEndian: true)
            : null;
    }

    /// <summary>Java's primitive boolean: null is false, ints are "not 0", and "true"/"false" in three spellings.</summary>
    public bool Boolean(string key)
    {
        switch (Optional(key))
        {
            case null:
                return false;
            case PyBool b:
                return b.Value;
            case PyInt i:
                return !i.Value.IsZero;
            case PyStr { Value: "true" or "True" or "TRUE" }:
                return true;
            case PyStr { Value: "false" or "False" or "FALSE" or "" }:
                return false;
            default:
                _errors.Add(Loc.Then(key), "value could not be parsed to a boolean", "type_error.bool");
                return false;
        }
    }
}
