using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Runwire.WebConsole.Assets;
using Runwire.WebConsole.Components;
using Runwire.WebConsole.Health;
using Runwire.WebConsole.Jobs;
using Runwire.WebConsole.Login;
using Runwire.Core.Security;
using Runwire.ServiceDefaults.Auth;

namespace Runwire.WebConsole;

/// <summary>
/// The web console: Razor components rendered on the server (static SSR) with a small script for the live job list,
/// the charts (plotly.js, embedded) and the run form; <c>GET /jobs</c> is its API. The host registers a
/// <see cref="JobStore"/>, and an <see cref="IJobStateSource"/> when its jobs can finish out of its sight; a
/// transformation store and component runners, when registered, give the catalog.
/// </summary>
public static class ConsoleSetup
{
    public static IHostApplicationBuilder AddRunwireConsole(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton(ConsoleOptions.From(builder.Configuration));
        builder.Services.AddSingleton<HostMetrics>();
        builder.Services.AddSingleton<JobReader>();
        return builder;
    }

    public static WebApplication MapRunwireConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Counting starts with the host, not with the first look at the health page.
        app.Services.GetRequiredService<HostMetrics>();
        app.UseAntiforgery();
        app.MapJobList();
        app.MapConsoleAssets();
        app.MapConsoleLogin();
        var pages = app.MapRazorComponents<App>();
        // The pages only read; their forms send GET or go through the script to the API. Without this every page
        // would also take POST (Blazor's form handling) with no more than the read role.
        pages.Add(endpoint => endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get])));
        // Pages for people, not API: kept out of the OpenAPI document (GET /jobs is the API behind them).
        pages.RequireAuthorization(AccessRoles.Read)
            .ExcludeFromDescription()
            .WithMetadata(new BrowserLogin(LoginEndpoints.Path));
        return app;
    }
}
