namespace Runwire.Core.Adapters;

/// <summary>
/// An adapter failure with hetida's exception class name (<c>AdapterHandlingException</c>, <c>AdapterConnectionError</c>,
/// <c>AdapterOutputDataError</c>, <c>AdapterClientWiringInvalidError</c>), reported at the loading or sending stage.
/// </summary>
public sealed class AdapterException(string typeName, string message, Exception? inner = null) : Exception(message, inner)
{
    public string TypeName { get; } = typeName;
}
