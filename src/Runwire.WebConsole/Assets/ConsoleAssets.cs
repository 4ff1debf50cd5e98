using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Runwire.WebConsole.Assets;

/// <summary>
/// The console's script, style sheet and plotly.js, embedded in this assembly and served from memory: no CDN, no
/// static-web-assets manifest, the same in a build output, a publish folder and a test. Open to all: they hold no data,
/// and the login page needs its style sheet.
/// </summary>
public static class ConsoleAssets
{
    public const string Prefix = "/console/assets/";
    public const string Plotly = "plotly.min.js";
    private static readonly Dictionary<string, (byte[] Bytes, string Type, string ETag)> Files = Load();

    public static IEndpointRouteBuilder MapConsoleAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "{file}", Serve)
            .WithName("ConsoleAsset")
            .WithSummary("The console's script, style sheet and plotly.js.")
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The asset's URL with a version so a new build's file is not taken from a browser's cache.</summary>
    public static string Url(string file) => $"{Prefix}{file}?v={Files[file].ETag.Trim('"')}";

    internal static IResult Serve(string file, HttpContext context)
    {
        if (!Files.TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(asset.Bytes, asset.Type, entityTag: new EntityTagHeaderValue(asset.ETag));
    }

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var file = name["assets/".Length..];
            var type = file.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"";
            files[file] = (bytes, type, etag);
        }
        return files;
    }
}
