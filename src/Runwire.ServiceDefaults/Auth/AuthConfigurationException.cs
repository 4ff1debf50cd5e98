namespace Runwire.ServiceDefaults.Auth;

/// <summary>The authentication configuration is missing or wrong; the host refuses to start and says what to configure.</summary>
public sealed class AuthConfigurationException : Exception
{
    public AuthConfigurationException()
    {
    }

    public AuthConfigurationException(string message) : base(message)
    {
    }

    public AuthConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
