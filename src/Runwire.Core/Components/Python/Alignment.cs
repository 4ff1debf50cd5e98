using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>The result of aligning two indexes: the joined index and, per side, the source position of each row (-1 = missing; null = unchanged).</summary>
internal sealed record Alignment(Column Index, int[]? Left, int[]? Right);
