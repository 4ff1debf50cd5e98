using System.Text.Json.Nodes;
using Runwire.Core.Codecs;

namespace Runwire.Core.Transformations;

/// <summary>
/// hetida's rules for replacing a stored revision through the API (<c>is_modifiable</c> and
/// <c>if_applicable_release_or_deprecate</c> in <c>persistence/dbservice/revision.py</c>): released and deprecated
/// revisions are frozen unless the request says <c>allow_overwrite_released=true</c>, except for their test wiring and
/// documentation and for deprecating a released revision.
/// </summary>
public static class RevisionReplacement
{
    /// <summary>hetida's 409 <c>detail</c> for a refused replacement, its stray "s" included.</summary>
    public static string ForbiddenDetail(Guid id, string reason) => $"Update forbidden for transformation with id {id:D}:\n{reason}s";

    /// <summary>Why <paramref name="updated"/> may not replace <paramref name="existing"/> (hetida's text), or null when it may.</summary>
    public static string? Refusal(TransformationRevision existing, TransformationRevision updated, bool allowOverwriteReleased)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(updated);
        if (existing.Type != updated.Type)
        {
            return $"The type ({updated.TypeName}) of the provided transformation revision does not\n"
                + $"match the type ({existing.TypeName}) of the stored transformation revision {existing.Id:D}!";
        }
        if (SameExceptWiringAndDocumentation(existing, updated) || allowOverwriteReleased)
        {
            return null;
        }
        return existing.State switch
        {
            TransformationState.Disabled => $"Cannot modify deprecated transformation revision {existing.Id:D}!",
            TransformationState.Released when updated.State != TransformationState.Disabled =>
                $"Cannot modify released transformation revision {existing.Id:D}!",
            _ => null,
        };
    }

    /// <summary>
    /// What is stored when <paramref name="updated"/> replaces <paramref name="existing"/>: deprecating a released revision
    /// keeps everything but state and timestamp, as hetida does, so it cannot change what runs.
    /// </summary>
    public static TransformationRevision Stored(TransformationRevision existing, TransformationRevision updated, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(updated);
        if (existing.State != TransformationState.Released || updated.State != TransformationState.Disabled)
        {
            return updated;
        }
        var source = (JsonObject)existing.Source.DeepClone();
        source["state"] = "DISABLED";
        source["disabled_timestamp"] = PyFormat.IsoFormat(now.UtcDateTime);
        return TransformationReader.Read(source, $"deprecation of {existing.Id:D}");
    }

    private static bool SameExceptWiringAndDocumentation(TransformationRevision a, TransformationRevision b) =>
        JsonNode.DeepEquals(WithoutWiringAndDocumentation(a.Source), WithoutWiringAndDocumentation(b.Source));

    private static JsonObject WithoutWiringAndDocumentation(JsonObject source)
    {
        var copy = (JsonObject)source.DeepClone();
        copy.Remove("test_wiring");
        copy.Remove("documentation");
        return copy;
    }
}
