namespace Runwire.Deployment.Tests;

public sealed class YamlFileTests
{
    public static TheoryData<string> Files() => [.. Repo.YamlFiles().Select(f => Path.GetRelativePath(Repo.Root, f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void YamlFile_Parses_AsMappings(string file)
    {
        var documents = Repo.Documents(Repo.Path(file));

        Assert.NotEmpty(documents);
    }

    [Fact]
    public void DeploymentFiles_AreAllFound()
    {
        var files = Repo.YamlFiles().Select(f => Path.GetRelativePath(Repo.Root, f)).ToList();

        Assert.Contains(Path.Combine("dapr", "dapr.yaml"), files);
        Assert.Contains(Path.Combine("k8s", "base", "kustomization.yaml"), files);
        Assert.Contains("tye.yaml", files);
        Assert.True(files.Count >= 20, string.Join(", ", files));
    }
}
