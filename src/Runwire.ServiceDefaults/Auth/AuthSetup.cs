using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Runwire.Core.Security;

namespace Runwire.ServiceDefaults.Auth;

/// <summary>
/// Authentication (API keys, JWT bearer tokens, Dapr's app token) and one authorization policy per role. Every endpoint
/// without a policy of its own falls back to <see cref="AccessRoles.Admin"/>, so a new endpoint is closed until it says
/// otherwise; open ones (<c>/healthz</c>) say <c>AllowAnonymous</c>.
/// </summary>
public static class AuthSetup
{
    public static IHostApplicationBuilder AddRunwireAuth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = AuthSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddHostedService<AuthReport>();
        var authentication = builder.Services.AddAuthentication();
        if (!settings.Enabled)
        {
            // The endpoints keep their policies (and the middleware they need); each one lets everybody through.
            builder.Services.AddAuthorization(o =>
            {
                foreach (var role in AccessRoles.All)
                {
                    o.AddPolicy(role, p => p.RequireAssertion(_ => true));
                }
            });
            return builder;
        }
        var schemes = new List<string>();
        if (settings.ApiKeys.Count > 0)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
            schemes.Add(ApiKeyHandler.SchemeName);
        }
        if (settings.Jwt is { } jwt)
        {
            authentication.AddJwtBearer(o => ConfigureJwt(o, jwt));
            schemes.Add(JwtBearerDefaults.AuthenticationScheme);
        }
        if (settings.DaprAppToken is not null)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, DaprAppTokenHandler>(DaprAppTokenHandler.SchemeName, null);
            schemes.Add(DaprAppTokenHandler.SchemeName);
        }
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthResponses>();
        builder.Services.AddAuthorization(o =>
        {
            foreach (var role in AccessRoles.All)
            {
                // Every scheme is asked and the identities merged: a call through Dapr's service invocation carries both
                // the sidecar's app token and the user's own key, and the user's roles must count.
                o.AddPolicy(role, p => p.AddAuthenticationSchemes([.. schemes])
                    .RequireRole(role == AccessRoles.Admin ? [AccessRoles.Admin] : [role, AccessRoles.Admin]));
            }
            o.DefaultPolicy = o.GetPolicy(AccessRoles.Admin)!;
            o.FallbackPolicy = o.GetPolicy(AccessRoles.Admin)!;
        });
        return builder;
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtSettings jwt)
    {
        // Claim names stay as the token has them, so RoleClaim names the claim the issuer writes.
        options.MapInboundClaims = false;
        options.Authority = jwt.Authority;
        options.Audience = jwt.Audience;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = jwt.Issuer is not null || jwt.Authority is not null,
            ValidIssuer = jwt.Issuer,
            ValidateAudience = jwt.Audience is not null,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = "sub",
            RoleClaimType = jwt.RoleClaim,
            IssuerSigningKey = jwt.SigningKey is null ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)),
        };
    }
}
