using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Runwire.Deployment.Tests;

/// <summary>
/// The container builds of the four hosts. This machine has no Docker engine and no registry access, so the images
/// are not built here: these checks read the Dockerfiles for what a build or a restricted cluster would refuse.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string> Services() => [.. AppTopologyTests.Expected.Keys.Append("runwire").Order(StringComparer.Ordinal)];

    public static TheoryData<string> EngineServices() => ["executor", "runwire"];

    [Theory]
    [MemberData(nameof(Services))]
    public void Dockerfile_BuildsTheProjectInOneStageAndRunsItInAnother(string service)
    {
        var stages = Dockerfile.Parse(Repo.Path("services", service, "Dockerfile"));
        var project = Project(service);

        Assert.True(stages.Count >= 2, "multi-stage: the SDK stays out of the image");
        var publish = Assert.Single(stages.SelectMany(s => s.Args("RUN")), r => r.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.Contains($"services/{service}/{Path.GetFileName(project)}", publish, StringComparison.Ordinal);
        Assert.DoesNotContain("mcr.microsoft.com/dotnet/sdk", stages[^1].Image, StringComparison.Ordinal);
        // Everything the build copies from the context exists (and .dockerignore lets it through: DockerIgnore_...).
        foreach (var copy in stages.SelectMany(s => s.Args("COPY")).Where(c => !c.StartsWith("--from", StringComparison.Ordinal)))
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
            Assert.All(sources, s => Assert.True(File.Exists(Repo.Path(s)) || Directory.Exists(Repo.Path(s)), $"COPY {s}"));
        }
        var entrypoint = JsonSerializer.Deserialize<string[]>(Assert.Single(stages[^1].Args("ENTRYPOINT")))!;
        Assert.Equal(["dotnet", AssemblyName(project) + ".dll"], entrypoint);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Dockerfile_PinsEveryBaseImage_TheSdkToGlobalJson(string service)
    {
        var stages = Dockerfile.Parse(Repo.Path("services", service, "Dockerfile"));
        var sdk = JsonDocument.Parse(File.ReadAllText(Repo.Path("global.json"))).RootElement.GetProperty("sdk").GetProperty("version").GetString();

        foreach (var image in stages.Select(s => s.Image).Where(i => stages.All(s => s.Name != i)))
        {
            Assert.True(Pinned(image), $"{image}: pin an exact release (x.y.z, Debian's x.y point release) or a digest, never a floating tag");
        }
        Assert.Equal($"mcr.microsoft.com/dotnet/sdk:{sdk}", stages[0].Image);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Dockerfile_RunsAsANumericNonRootUser_OnThePortTheServiceListensOn(string service)
    {
        var final = Dockerfile.Parse(Repo.Path("services", service, "Dockerfile"))[^1];

        var user = final.Args("USER").Last().Split(':');
        Assert.All(user, id => Assert.True(int.TryParse(id, out var n) && n > 0, $"USER {string.Join(':', user)}: numeric and not root, so runAsNonRoot can be checked"));
        var port = Assert.Single(final.Args("EXPOSE"));
        var urls = service == "runwire"
            ? JsonSerializer.Deserialize<string[]>(Assert.Single(final.Args("CMD")))!.SkipWhile(a => a != "--urls").ElementAt(1)
            : final.Env()["ASPNETCORE_URLS"];
        Assert.Equal($"http://+:{port}", urls);
        if (AppTopologyTests.Expected.TryGetValue(service, out var expected))
        {
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), port);
        }
    }

    [Theory]
    [MemberData(nameof(EngineServices))]
    public void EngineImage_CarriesThePythonEnvironmentOfInstallPython(string service)
    {
        var stages = Dockerfile.Parse(Repo.Path("services", service, "Dockerfile"));
        var install = File.ReadAllLines(Repo.Path("scripts", "install-python.sh"));
        var packages = string.Join(' ', install.SkipWhile(l => !l.StartsWith("apt-get install", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0))
            .Replace("\\", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.StartsWith("python3", StringComparison.Ordinal) || w == "bubblewrap").ToList();

        Assert.Contains("python3-pydantic", packages);
        var final = stages[^1];
        var apt = Assert.Single(final.Args("RUN"), r => r.Contains("apt-get install", StringComparison.Ordinal)).Split(' ');
        Assert.All(packages, p => Assert.Contains(p, apt));
        // hetida's components need pydantic 1.x (requirements.txt): Debian 12's package, not Debian 13's or Ubuntu's 2.x.
        Assert.StartsWith("debian:12.", final.Image, StringComparison.Ordinal);
        Assert.Contains("pydantic<2", File.ReadAllLines(Repo.Path("src", "Runwire.Python", "worker", "requirements.txt")));
        Assert.Equal("/usr/bin/python3", final.Env()["Runwire__Python__Executable"]);
        Assert.Contains(final.Env()["Runwire__DataDirectory"], final.Args("VOLUME"));
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputOut_AndLetsEveryCopiedPathIn()
    {
        var ignored = File.ReadAllLines(Repo.Path(".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        var copied = Services().Select(s => (string)s.Data).SelectMany(s => Dockerfile.Parse(Repo.Path("services", s, "Dockerfile")))
            .SelectMany(s => s.Args("COPY")).Where(c => !c.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1]).Distinct();
        Assert.All(copied, path => Assert.DoesNotContain(ignored, i => path.StartsWith(i.TrimEnd('/'), StringComparison.Ordinal)));
    }

    internal static int UserId(string service) =>
        int.Parse(Dockerfile.Parse(Repo.Path("services", service, "Dockerfile"))[^1].Args("USER").Last().Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static bool Pinned(string image)
    {
        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return true;
        }
        var colon = image.LastIndexOf(':');
        if (colon < 0 || image.IndexOf('/', colon) >= 0)
        {
            return false;
        }
        var (name, tag) = (image[..colon], image[(colon + 1)..]);
        return ExactRelease().IsMatch(tag) || (name == "debian" && DebianPointRelease().IsMatch(tag));
    }

    private static string Project(string service) => Assert.Single(Directory.GetFiles(Repo.Path("services", service), "*.csproj"));

    private static string AssemblyName(string project) =>
        XDocument.Load(project).Descendants("AssemblyName").SingleOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);

    [GeneratedRegex(@"^\d+\.\d+\.\d+([-.][a-z0-9.-]+)?$")]
    private static partial Regex ExactRelease();

    [GeneratedRegex(@"^\d+\.\d+(-slim)?$")]
    private static partial Regex DebianPointRelease();
}
