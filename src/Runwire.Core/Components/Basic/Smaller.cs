using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.Basic;

/// <summary>hetida "Smaller": <c>left &lt; right</c>, falling back to <c>left.lt(right)</c> for differently labelled pandas objects.</summary>
public sealed class Smaller : IComponent
{
    public Guid Id { get; } = new("9f33cbbc-3935-e9f3-a682-99579e96a4d0");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) => ComparisonFallback.Run(CompareOp.Lt, inputs);
}
