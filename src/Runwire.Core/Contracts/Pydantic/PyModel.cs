namespace Runwire.Core.Contracts.Pydantic;

internal delegate Checked<T> FieldValidator<T>(PyNode node, IReadOnlyList<object> loc, ErrorList errors);

/// <summary>How a pydantic field treats absence and <c>null</c>.</summary>
internal enum Presence
{
    /// <summary><c>x: T</c> — absent is "field required", null is "none is not an allowed value".</summary>
    Required,

    /// <summary><c>x: T = default</c> — absent gives the default, null is "none is not an allowed value".</summary>
    Defaulted,

    /// <summary><c>x: T | None = None</c> — absent and null both give the default.</summary>
    Nullable,
}

/// <summary>
/// One pydantic v1 model being validated: unknown keys are ignored, each field reports its own errors, and a
/// non-object value is first passed through Python's <c>dict()</c> as pydantic v1 does.
/// </summary>
internal sealed class PyModel
{
    private readonly PyDict _dict;
    private readonly ErrorList _errors;

    private PyModel(PyDict dict, IReadOnlyList<object> loc, ErrorList errors)
    {
        _dict = dict;
        Loc = loc;
        _errors = errors;
    }

    public IReadOnlyList<object> Loc { get; }

    /// <summary>A top-level model (<c>Model.parse_obj</c>): a non-dict is "&lt;Model&gt; expected dict not &lt;type&gt;".</summary>
    public static PyModel? Root(PyNode node, string model, ErrorList errors)
    {
        IReadOnlyList<object> loc = ["__root__"];
        return Open(node, [], errors, () => errors.Add(loc, $"{model} expected dict not {node.PyTypeName}", "type_error"), loc);
    }

    /// <summary>A nested model field: a non-dict is "value is not a valid dict".</summary>
    public static PyModel? Nested(PyNode node, IReadOnlyList<object> loc, ErrorList errors) =>
        Open(node, loc, errors, () => errors.Add(loc, "value is not a valid dict", "type_error.dict"), loc);

    private static PyModel? Open(PyNode node, IReadOnlyList<object> loc, ErrorList errors, Action notADict, IReadOnlyList<object> errorLoc)
    {
        if (node is PyDict dict)
        {
            return new PyModel(dict, loc, errors);
        }
        if (PyMapping.Coerce(node) is not { } pairs)
        {
            notADict();
            return null;
        }
        if (pairs.Any(p => p.Key is not PyStr))
        {
            errors.Add(errorLoc, "keywords must be strings", "type_error"); // Model(**mapping) refuses non-str keys
            return null;
        }
        // PyMapping already merged equal keys the Python way, so the names are unique here.
        var items = pairs.Select(p => new KeyValuePair<string, PyNode>(((PyStr)p.Key).Value, p.Value)).ToList();
        return new PyModel(new PyDict(items), loc, errors);
    }

    public bool Has(string key) => _dict.Has(key);

    public PyNode? Raw(string key) => _dict.Get(key);

    /// <summary>A required field (<see cref="Presence.Required"/>).</summary>
    public Checked<T> Field<T>(string key, FieldValidator<T> validate) => Field(key, validate, Presence.Required, default!);

    public Checked<T> Field<T>(string key, FieldValidator<T> validate, Presence presence, T fallback)
    {
        var loc = Loc.Then(key);
        switch (_dict.Get(key))
        {
            case null when presence == Presence.Required:
                _errors.Missing(loc);
                return Checked<T>.Invalid;
            case null:
                return fallback;
            case PyNone when presence == Presence.Nullable:
                return fallback;
            case PyNone:
                _errors.NoneNotAllowed(loc);
                return Checked<T>.Invalid;
            case var node:
                return validate(node, loc, _errors);
        }
    }
}
