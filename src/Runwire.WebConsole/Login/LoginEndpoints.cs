using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Runwire.WebConsole.Assets;
using Runwire.ServiceDefaults.Auth;

namespace Runwire.WebConsole.Login;

/// <summary>
/// Where a person enters an API key for the console (with authentication on). The key goes into an HttpOnly,
/// SameSite=Strict cookie that the host's API-key scheme reads like the <c>X-API-Key</c> header; it is checked by the
/// page it leads to, like any other call.
/// </summary>
public static class LoginEndpoints
{
    public const string Path = "/console/login";

    public static IEndpointRouteBuilder MapConsoleLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Form).WithName("ConsoleLogin").WithSummary("The console's form for an API key.").AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).WithName("ConsoleSignIn").WithSummary("Keeps the API key in the console's cookie.")
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/console/logout", SignOut).WithName("ConsoleSignOut").WithSummary("Forgets the console's API key.").AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    internal static IResult Form(HttpContext context, string? @return = null)
    {
        var open = context.RequestServices.GetService<AuthSettings>() is { Enabled: false };
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Runwire · sign in</title>
            <link rel="stylesheet" href="{{ConsoleAssets.Url("console.css")}}"></head>
            <body class="login"><main>
            <h1>Runwire console</h1>
            {{(open ? "<p>Authentication is off on this host (Runwire:Auth:Mode=none): no key is needed.</p>" : "")}}
            <form method="post" action="{{Path}}">
            <label>API key with the <code>read</code> role (<code>submit</code> to run jobs)
            <input type="password" name="key" autocomplete="current-password" autofocus required></label>
            <input type="hidden" name="return" value="{{WebUtility.HtmlEncode(Local(@return))}}">
            <button type="submit">Open the console</button>
            </form>
            <p class="hint">The key is kept in a cookie of this browser session only (HttpOnly, SameSite=Strict). <a href="/console/logout">Forget it</a>.</p>
            </main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    internal static async Task<IResult> SignInAsync(HttpContext context, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Json(new { detail = "Send the login form (application/x-www-form-urlencoded with a field 'key')." }, statusCode: 415);
        }
        var form = await context.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var key = form["key"].ToString().Trim();
        if (key.Length > 0)
        {
            context.Response.Cookies.Append(BrowserLogin.Cookie, key, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/", IsEssential = true,
            });
        }
        return Results.Redirect(Local(form["return"].ToString()));
    }

    internal static IResult SignOut(HttpContext context)
    {
        context.Response.Cookies.Delete(BrowserLogin.Cookie, new CookieOptions { Path = "/" });
        return Results.Redirect(Path);
    }

    // Only a path on this host: a return address must not lead elsewhere.
    private static string Local(string? target) =>
        target is { Length: > 0 } && target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && !target.Contains('\\')
            ? target
            : "/";
}
