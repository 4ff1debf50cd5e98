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

    [Fact]
    public void ImportDirectory_WorkflowsNestingInACycle_ReportsTheirFilesAndImportsTheRest()
    {
        var folder = Directory.CreateTempSubdirectory("runwire-store-").FullName;
        try
        {
            var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
            var fine = Revision(Guid.NewGuid(), "RELEASED", "2022-01-01T00:00:00+00:00");
            File.WriteAllText(Path.Combine(folder, "a.json"), TrafoJson.Nesting(a, "A", b).ToJsonString());
            File.WriteAllText(Path.Combine(folder, "b.json"), TrafoJson.Nesting(b, "B", a).ToJsonString());
            File.WriteAllText(Path.Combine(folder, "fine.json"), fine.ToJsonString());
            var store = new TransformationStore();

            var report = store.ImportDirectory(folder);

            Assert.Equal([Path.Combine(folder, "a.json"), Path.Combine(folder, "b.json")], report.Failures.Select(f => f.SourceName).Order());
            Assert.Contains(report.Failures, f => f.Message.Contains(
                $"workflow 'A' contains itself through nesting: 'A' ({a}) → 'B' ({b}) → 'A' ({a})", StringComparison.Ordinal));
            Assert.Equal(1, store.Count);
            Assert.NotNull(store.Find(Guid.Parse(fine["id"]!.GetValue<string>())));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NewStore_PersistedWorkflowThatContainsItself_LoadsSoTheHostStarts()
    {
        var folder = Directory.CreateTempSubdirectory("runwire-store-").FullName;
        try
        {
            var id = Guid.NewGuid();
            File.WriteAllText(Path.Combine(folder, $"{id}.json"), TrafoJson.Nesting(id, "Ouroboros", id).ToJsonString());

            var store = new TransformationStore(folder);

            Assert.NotNull(store.Find(id));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TryImport_WorkflowUsingAStoredCycle_RefusedAsInvalid()
    {
        var store = new TransformationStore();
        var (a, b, user) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        store.Import(TransformationReader.Read(TrafoJson.Nesting(a, "A", b), "a"));
        store.Import(TransformationReader.Read(TrafoJson.Nesting(b, "B", a), "b"));

        var refusal = store.TryImport([TransformationReader.Read(TrafoJson.Nesting(user, "User", a), "user")]);

        Assert.False(refusal!.IsConflict);
        Assert.Equal($"workflow 'User' uses workflows that contain themselves through nesting: 'A' ({a}) → 'B' ({b}) → 'A' ({a})",
            Assert.Single(refusal.Problems));
        Assert.Null(store.Find(user));
    }

    [Fact]
    public void TryImport_DiamondOfNestedWorkflows_Imported()
    {
        var store = new TransformationStore();
        var (top, left, right, bottom) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var refusal = store.TryImport([
            TransformationReader.Read(TrafoJson.Nesting(top, "Top", left, right), "top"),
            TransformationReader.Read(TrafoJson.Nesting(left, "Left", bottom), "left"),
            TransformationReader.Read(TrafoJson.Nesting(right, "Right", bottom), "right"),
            TransformationReader.Read(TrafoJson.Nesting(bottom, "Bottom"), "bottom"),
        ]);

        Assert.Null(refusal);
        Assert.Equal(4, store.Count);
    }

    [Fact]
    public void TryImport_ReplacingReleasedRevision_ConflictWithHetidasTextUnlessAllowed()
    {
        var store = new TransformationStore();
        var released = Revision(Guid.NewGuid(), "RELEASED", "2022-01-01T00:00:00+00:00");
        var id = Guid.Parse(released["id"]!.GetValue<string>());
        store.Import(TransformationReader.Read(released, "released"));
        var changed = released.DeepClone().AsObject();
        changed["version_tag"] = "2.0.0";
        var update = TransformationReader.Read(changed, "changed");

        var refusal = store.TryImport([update]);
        var allowed = store.TryImport([update], allowOverwriteReleased: true);

        Assert.True(refusal!.IsConflict);
        Assert.Equal($"Update forbidden for transformation with id {id}:\nCannot modify released transformation revision {id}!s", Assert.Single(refusal.Problems));
        Assert.Null(allowed);
        Assert.Equal("2.0.0", store.Find(id)!.VersionTag);
    }

    [Fact]
    public void TryImport_OtherTypeForAStoredId_ConflictEvenWhenOverwriteAllowed()
    {
        var store = new TransformationStore();
        var draft = Revision(Guid.NewGuid(), "DRAFT", null);
        var id = Guid.Parse(draft["id"]!.GetValue<string>());
        store.Import(TransformationReader.Read(draft, "draft"));

        var refusal = store.TryImport([TransformationReader.Read(TrafoJson.Nesting(id, "Workflow now"), "workflow")], allowOverwriteReleased: true);

        Assert.True(refusal!.IsConflict);
        Assert.Contains("The type (WORKFLOW) of the provided transformation revision does not\nmatch the type (COMPONENT)", refusal.Problems[0],
            StringComparison.Ordinal);
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
