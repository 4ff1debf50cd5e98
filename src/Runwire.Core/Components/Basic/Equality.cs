using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Basic;

/// <summary>hetida "Equality": <c>left == right</c>, falling back to <c>left.eq(right)</c> for differently labelled pandas objects.</summary>
public sealed class Equality : IComponent
{
    public Guid Id { get; } = new("9ccc8df5-5e68-46ff-bc2d-1fa82dae972c");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) => ComparisonFallback.Run(CompareOp.Eq, inputs);
}
