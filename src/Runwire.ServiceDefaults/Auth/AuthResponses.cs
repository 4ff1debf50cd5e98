using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Runwire.ServiceDefaults.Auth;

/// <summary>
/// 401 and 403 with a short problem body that says what is missing: which credentials the host takes (and why the one
/// given was refused), or which role the endpoint needs.
/// </summary>
internal sealed class AuthResponses(AuthSettings settings) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (context.GetEndpoint() is null)
        {
            // No such route: answer 404 as before. daprd asks every app for GET /dapr/config and takes 404 as "no actors".
            await next(context);
            return;
        }
        if (authorizeResult.Challenged && context.GetEndpoint()?.Metadata.GetMetadata<BrowserLogin>() is { } login
            && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            // A person at a browser: to the page that takes their key, and back here afterwards.
            context.Response.Redirect($"{login.Path}?return={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
            return;
        }
        if (authorizeResult.Challenged)
        {
            var refusal = await RefusalAsync(context, policy);
            context.Response.Headers.WWWAuthenticate = Challenges(refusal is not null);
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", refusal is null
                ? $"This endpoint needs credentials: {Accepted()}."
                : $"The credentials were refused: {refusal}");
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var needed = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).FirstOrDefault() ?? "admin";
            var held = context.User.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct().ToList();
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
                $"This endpoint needs the role '{needed}'; the credentials given hold {(held.Count == 0 ? "no role" : string.Join(", ", held))}.");
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static async Task<string?> RefusalAsync(HttpContext context, AuthorizationPolicy policy)
    {
        // Handlers keep their result for the request, so this asks nobody twice.
        foreach (var scheme in policy.AuthenticationSchemes)
        {
            var result = await context.AuthenticateAsync(scheme);
            if (result.Failure is { } failure)
            {
                return failure.Message;
            }
        }
        return null;
    }

    private string Accepted()
    {
        var ways = new List<string>();
        if (settings.ApiKeys.Count > 0)
        {
            ways.Add($"an API key in the {ApiKeyHandler.Header} header (or Authorization: ApiKey <key>)");
        }
        if (settings.Jwt is not null)
        {
            ways.Add("a bearer token (Authorization: Bearer <jwt>)");
        }
        if (settings.DaprAppToken is not null)
        {
            ways.Add($"Dapr's app token in the {DaprAppTokenHandler.Header} header");
        }
        return string.Join(" or ", ways);
    }

    private string[] Challenges(bool refused)
    {
        var challenges = new List<string>();
        if (settings.ApiKeys.Count > 0)
        {
            challenges.Add($"{ApiKeyHandler.SchemeName} realm=\"runwire\", header=\"{ApiKeyHandler.Header}\"");
        }
        if (settings.Jwt is not null)
        {
            challenges.Add(refused ? "Bearer realm=\"runwire\", error=\"invalid_token\"" : "Bearer realm=\"runwire\"");
        }
        if (challenges.Count == 0)
        {
            challenges.Add($"{DaprAppTokenHandler.SchemeName} realm=\"runwire\", header=\"{DaprAppTokenHandler.Header}\"");
        }
        return [.. challenges];
    }

    private static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { title, status, detail }, JsonSerializerOptions.Web));
    }
}
