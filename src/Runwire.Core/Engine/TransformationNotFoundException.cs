namespace Runwire.Core.Engine;

/// <summary>
/// The job names a transformation (or a revision group without released revision) that is not in the store: hetida's
/// 404. <see cref="Nested"/> marks a revision used inside the job's workflow that is missing.
/// </summary>
public sealed class TransformationNotFoundException(string message, bool nested = false) : Exception(message)
{
    public bool Nested { get; } = nested;
}
