using Runwire.Core.Data;

namespace Runwire.Core.Components.AnomalyDetection;

/// <summary>
/// "Alerts from Score": <c>(scores &gt; threshold).astype(int).diff(1).fillna(0)</c>, named "alerts": 1 where the score
/// rises above the threshold, -1 where it falls back, 0 elsewhere. Positional (the index is not sorted).
/// </summary>
public sealed class AlertsFromScore : IComponent
{
    public Guid Id { get; } = new("38f168ef-cb06-d89c-79b3-0cd823f32e9d");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var scores = inputs.Series("scores");
        var threshold = inputs.Number("threshold");
        var above = new int[scores.Length];
        for (var i = 0; i < above.Length; i++)
        {
            above[i] = scores.Values.GetValue(i) switch
            {
                null => 0,
                double d => d > threshold ? 1 : 0,
                long l => l > threshold ? 1 : 0,
                bool b => (b ? 1 : 0) > threshold ? 1 : 0,
                var other => throw PyException.TypeError(
                    $"'>' not supported between instances of '{Ordering.PyTypeName(other)}' and '{Ordering.PyTypeName(inputs["threshold"])}'"),
            };
        }
        var alerts = new double[above.Length];
        for (var i = 1; i < alerts.Length; i++)
        {
            alerts[i] = above[i] - above[i - 1];
        }
        return new Dictionary<string, object?>
        {
            ["alerts"] = new Series(scores.Index, new Float64Column(alerts), "alerts", scores.CloneAttrs()),
        };
    }
}
