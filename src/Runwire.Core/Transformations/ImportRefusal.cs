namespace Runwire.Core.Transformations;

/// <summary>
/// Why an import through the API was refused: <see cref="IsConflict"/> for a revision that may not be replaced (HTTP 409),
/// otherwise an import that is not valid as a whole (422). <see cref="Problems"/> says what, one text per revision.
/// </summary>
public sealed record ImportRefusal(bool IsConflict, IReadOnlyList<string> Problems);
