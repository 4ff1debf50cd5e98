using System.Security.Cryptography;
using System.Text;

namespace Runwire.Core.Components.Runners;

/// <summary>
/// The code of one component revision and the function to call. <see cref="Key"/> is the hex SHA-256 of the code,
/// the name hetida gives the loaded module (<c>by_code__hash_&lt;key&gt;</c>) and the worker's cache key.
/// </summary>
public sealed class PythonCode
{
    public PythonCode(string code, string function = "main")
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
        Function = function;
        Key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
    }

    public string Code { get; }

    public string Function { get; }

    public string Key { get; }

    /// <summary>
    /// Whether a revision's <c>content</c> is Python code rather than a pointer to a C# class or nothing: hetida's
    /// component code always defines the function it calls.
    /// </summary>
    public static bool IsPythonCode(string? content, string function = "main") =>
        !string.IsNullOrWhiteSpace(content)
        && !content.StartsWith(ComponentRegistry.ContentPrefix, StringComparison.Ordinal)
        && (content.Contains("def " + function + "(", StringComparison.Ordinal) || content.Contains("def " + function + " (", StringComparison.Ordinal));
}
