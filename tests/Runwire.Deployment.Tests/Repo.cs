using YamlDotNet.RepresentationModel;

namespace Runwire.Deployment.Tests;

/// <summary>The repository's deployment files as YAML documents.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Every YAML file that Dapr, Tye, Docker Compose, kubectl, Prometheus or Grafana reads.</summary>
    public static IEnumerable<string> YamlFiles() =>
        new[] { "components", "dapr", "k8s", "dashboards" }
            .SelectMany(d => Directory.EnumerateFiles(Path(d), "*.y*ml", SearchOption.AllDirectories))
            .Append(Path("tye.yaml"))
            .Order(StringComparer.Ordinal);

    public static List<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(file));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    public static YamlMappingNode Document(params string[] parts) => Assert.Single(Documents(Path(parts)));

    /// <summary>Resources of one kind in a folder (not its subfolders, as daprd loads them).</summary>
    public static List<YamlMappingNode> Resources(string kind, params string[] folder) =>
        [.. Directory.EnumerateFiles(Path(folder), "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(Documents).Where(d => d.Str("kind") == kind)];

    public static string? Str(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }
            current = next;
        }
        return (current as YamlScalarNode)?.Value;
    }

    public static YamlNode? Node(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.Node(path) is YamlSequenceNode seq ? seq.Children : [];

    public static List<string> Scopes(this YamlNode resource) => [.. resource.Items("scopes").Select(s => ((YamlScalarNode)s).Value!)];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Runwire.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Runwire.slnx not found above the test binaries.");
    }
}
