using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Contracts;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// Reads a hetida component module (<c>.py</c>) into the revision hetida's <c>transformation_revision_from_python_code</c>
/// makes of it, without running any of it: metadata from the literal <c>COMPONENT_INFO</c>, the test wiring from
/// <c>TEST_WIRING_FROM_PY_FILE_IMPORT</c>, documentation from the module docstring, and the code as content.
/// </summary>
internal static class PyComponentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="TransformationImportException">The module is not a component hetida could import.</exception>
    public static TransformationRevision Read(ReadOnlySpan<byte> bytes, string sourceName, TimeProvider? clock = null)
    {
        string code;
        try
        {
            // hetida opens the file as UTF-8 text with universal newlines: \r\n and \r become \n, nothing else
            // (string.ReplaceLineEndings would also turn form feeds and U+2028 inside string literals into \n).
            code = StrictUtf8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }
        catch (DecoderFallbackException e)
        {
            throw new TransformationImportException(sourceName, [$"not UTF-8 text: {e.Message}"]);
        }
        return Read(code, sourceName, clock);
    }

    /// <exception cref="TransformationImportException">The module is not a component hetida could import.</exception>
    public static TransformationRevision Read(string code, string sourceName, TimeProvider? clock = null)
    {
        PyModuleSource module;
        string documentation;
        PyValue? info;
        try
        {
            module = PyModuleSource.Parse(code);
            documentation = PyDocstring.Documentation(module.Docstring());
            info = module.Global("COMPONENT_INFO");
        }
        catch (PySyntaxException e)
        {
            throw new TransformationImportException(sourceName, [$"not readable as a hetida component module: {e.Message}"]);
        }
        if (info is not PyValue.Dict dict)
        {
            throw new TransformationImportException(sourceName, [info is null
                ? "no module-level COMPONENT_INFO = {...} assignment: not a hetida component"
                : $"COMPONENT_INFO must be a dict, not a {info.TypeName}"]);
        }
        var p = new TransformationReader.Problems();
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var export = ComponentInfoExport.Build(dict, code, documentation, TestWiring(module), now, p);
        p.ThrowIfAny(sourceName);
        return TransformationReader.Read(export, sourceName);
    }

    /// <summary>
    /// <c>TEST_WIRING_FROM_PY_FILE_IMPORT</c> when it is a valid wiring; hetida only logs a warning for anything else and
    /// goes on with an empty test wiring, and so does Runwire.
    /// </summary>
    private static JsonObject TestWiring(PyModuleSource module)
    {
        JsonObject? wiring = null;
        try
        {
            if (module.Global("TEST_WIRING_FROM_PY_FILE_IMPORT") is PyValue.Dict value
                && PyValueJson.ToNode(value, out var ok) is JsonObject json && ok)
            {
                JobDecoder.DecodeWiring(Encoding.UTF8.GetBytes(json.ToJsonString()));
                wiring = json;
            }
        }
        catch (Exception e) when (e is PySyntaxException or JobDecodeException)
        {
            wiring = null;
        }
        wiring ??= [];
        wiring["input_wirings"] ??= new JsonArray();
        wiring["output_wirings"] ??= new JsonArray();
        wiring["dashboard_positionings"] ??= new JsonArray();
        return wiring;
    }
}
