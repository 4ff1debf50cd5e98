namespace Runwire.Core.Components.Python;

/// <summary>A parsed timestamp: its wall-clock value (converted to UTC when the text had an offset) and whether it had one.</summary>
/// <param name="Value">The time; Kind Utc when <paramref name="HasOffset"/>, else Unspecified.</param>
/// <param name="HasOffset">Whether the text carried <c>Z</c> or a numeric UTC offset.</param>
public readonly record struct IsoTimestamp(DateTime Value, bool HasOffset);
