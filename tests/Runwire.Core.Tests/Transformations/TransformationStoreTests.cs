using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;
using Runwire.Core.Transformations;

namespace Runwire.Core.Tests.Transformations;

public sealed class TransformationStoreTests
{
    [Fact]
    public void FindLatestReleased_GroupWithDraftAndDisabled_PicksNewestReleased()
    {
        var group = Guid.NewGuid();
        var store = new TransformationStore();
        var old = Revision(group, "RELEASED", "2021-01-01T00:00:00+00:00");
        var newest = Revision(group, "RELEASED", "2023-01-01T00:00:00+00:00");
        var disabled = Revision(group, "DISABLED", "2024-01-01T00:00:00+00:00");
        disabled["disabled_timestamp"] = "2024-02-01T00:00:00+00:00";
        var draft = Revision(group, "DRAFT", null);
        foreach (var r in new[] { old, newest, disabled, draft })
        {
            store.Import(TransformationReader.Read(r, "test"));
        }

        Assert.Equal(newest["id"]!.GetValue<string>(), store.FindLatestReleased(group)!.Id.ToString());
        Assert.Null(store.FindLatestReleased(Guid.NewGuid()));
    }

    [Fact]
    public void Import_WithFolder_SurvivesANewStoreOnTheSameFolder()
    {
        var folder = Directory.CreateTempSubdirectory("runwire-store-").FullName;
        try
        {
            var revision = Revision(Guid.NewGuid(), "RELEASED", "2022-01-01T00:00:00+00:00");
            new TransformationStore(folder).Import(TransformationReader.Read(revision, "test"));

            var reopened = new TransformationStore(folder);

            var found = reopened.Find(Guid.Parse(revision["id"]!.GetValue<string>()));
            Assert.NotNull(found);
            Assert.Equal(revision.ToJsonString(), reopened.Export(found.Id)!.ToJsonString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject Revision(Guid group, string state, string? released)
    {
        var json = TrafoJson.Component(Guid.NewGuid(), "Versioned", [("x", "ANY", null)], [("y", "ANY")]);
        json["revision_group_id"] = group.ToString();
        json["state"] = state;
        json["released_timestamp"] = released;
        return json;
    }
}
