namespace Runwire.Core.Data;

/// <summary>
/// A Python object that has no value in the engine's model (a trained model, a numpy integer scalar, an instance of a
/// class defined in component code): it travels pickled between Python components unchanged, a C# component sees an
/// object of <see cref="TypeName"/>, and as a result output it fails at ENCODING_RESULTS_TO_JSON as in hetida.
/// </summary>
public sealed class PythonObject(string typeName, string repr, byte[] pickle, IReadOnlyList<string> moduleKeys)
{
    /// <summary>The Python type, <c>module.QualName</c> (e.g. <c>numpy.int64</c>).</summary>
    public string TypeName { get; } = typeName;

    /// <summary>Python's <c>repr</c> of the object, for messages.</summary>
    public string Repr { get; } = repr;

    /// <summary>The object's pickle.</summary>
    public ReadOnlyMemory<byte> Pickle { get; } = pickle;

    /// <summary>The code keys of the component modules the pickle refers to (classes defined in component code).</summary>
    public IReadOnlyList<string> ModuleKeys { get; } = moduleKeys;

    /// <summary>The class name alone (<c>int64</c> for <c>numpy.int64</c>), as Python's <c>type(x).__name__</c>.</summary>
    public string ShortTypeName => TypeName[(TypeName.LastIndexOf('.') + 1)..];

    public override string ToString() => Repr;
}
