namespace Runwire.DataAdapters;

/// <summary>
/// The adapters' settings cannot be used (a missing key, a malformed HD_KAFKA_CONFIGS, …): the message says which
/// setting and why, so a host reports it in one line instead of a stack trace.
/// </summary>
public sealed class AdapterConfigurationException : Exception
{
    public AdapterConfigurationException()
    {
    }

    public AdapterConfigurationException(string message) : base(message)
    {
    }

    public AdapterConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
