using System.Collections.Concurrent;
using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

/// <summary>What <c>kubectl kustomize</c> renders from a folder of k8s/, as kubectl apply -k would send it.</summary>
internal static class Kustomize
{
    private static readonly ConcurrentDictionary<string, Lazy<List<YamlMappingNode>>> Rendered = new();

    public static List<YamlMappingNode> Render(string folder) =>
        Rendered.GetOrAdd(folder, f => new Lazy<List<YamlMappingNode>>(() => Run(f))).Value;

    public static IEnumerable<YamlMappingNode> OfKind(this IEnumerable<YamlMappingNode> objects, string kind) =>
        objects.Where(o => o.Str("kind") == kind);

    public static YamlMappingNode Named(this IEnumerable<YamlMappingNode> objects, string kind, string name) =>
        Assert.Single(objects.OfKind(kind), o => o.Str("metadata", "name") == name);

    private static List<YamlMappingNode> Run(string folder)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(Repo.Path(folder.Split('/')));
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} exited {process.ExitCode}: {error.Result}");
        var stream = new YamlStream();
        stream.Load(new StringReader(output));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }
}
