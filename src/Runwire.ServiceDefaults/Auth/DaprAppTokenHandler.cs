using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runwire.Core.Security;

namespace Runwire.ServiceDefaults.Auth;

/// <summary>
/// Dapr's app API token: with <c>APP_API_TOKEN</c> set, daprd sends it as <c>dapr-api-token</c> on every call to the app
/// (service invocation, pub/sub deliveries). The sidecar is the trusted internal caller of the workflow steps.
/// </summary>
internal sealed class DaprAppTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthSettings settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DaprAppToken";
    public const string Header = "dapr-api-token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header].ToString();
        if (presented.Length == 0 || settings.DaprAppToken is not { } token)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token)))
        {
            return Task.FromResult(AuthenticateResult.Fail($"The {Header} header does not match the app token."));
        }
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, "dapr-sidecar"));
        identity.AddClaim(new Claim(ClaimTypes.Role, AccessRoles.Internal));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
