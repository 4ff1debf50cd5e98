using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Runwire.ServiceDefaults.Auth;

/// <summary>
/// API keys from the <c>X-API-Key</c> header or <c>Authorization: ApiKey &lt;key&gt;</c>, compared by their SHA-256, or
/// from the console's cookie (<see cref="BrowserLogin.Cookie"/>).
/// </summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthSettings settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-API-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        ApiKey? match = null;
        // Every configured key is compared, in constant time, so the time taken says nothing about which one came close.
        foreach (var candidate in settings.ApiKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, candidate.Sha256))
            {
                match = candidate;
            }
        }
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        }
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, match.Name));
        identity.AddClaims(match.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private static string? Presented(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var header = request.Headers[Header].ToString();
        if (header.Length > 0)
        {
            return header.Trim();
        }
        var authorization = request.Headers.Authorization.ToString();
        const string prefix = SchemeName + " ";
        if (authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > prefix.Length)
        {
            return authorization[prefix.Length..].Trim();
        }
        // The cookie is SameSite=Strict; beyond that, a call that changes something must also carry a header a plain
        // cross-site form cannot set, as the console's own script does.
        return request.Cookies[BrowserLogin.Cookie] is { Length: > 0 } cookie
            && (Microsoft.AspNetCore.Http.HttpMethods.IsGet(request.Method) || Microsoft.AspNetCore.Http.HttpMethods.IsHead(request.Method)
                || request.Headers.ContainsKey("X-Requested-With"))
            ? cookie
            : null;
    }
}
