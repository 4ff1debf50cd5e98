using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;

namespace Runwire.Host.Tests.Support;

/// <summary>Transformations that crashed hosts before they were guarded against, and where a host finds them.</summary>
internal static class PoisonTrafos
{
    /// <summary>A workflow whose operator is the workflow itself.</summary>
    public static JsonObject SelfNesting(Guid id) => TrafoJson.Nesting(id, "Ouroboros", id);

    /// <summary>Writes a revision into a data folder the way a persisted import lies there, before the host starts.</summary>
    public static void Persist(string dataDirectory, JsonObject revision)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dataDirectory, "transformations")).FullName;
        File.WriteAllText(Path.Combine(folder, $"{revision["id"]!.GetValue<string>()}.json"), revision.ToJsonString());
    }
}
