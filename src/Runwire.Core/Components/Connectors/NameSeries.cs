using Runwire.Core.Codecs;

namespace Runwire.Core.Components.Connectors;

/// <summary>"Name Series": sets <c>series.name</c> (on a copy; hetida renames the caller's object in place).</summary>
public sealed class NameSeries : IComponent
{
    public Guid Id { get; } = new("a4064897-66d3-9601-328e-5ae9036665c5");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        // Runwire series names are text; a non-string name (possible through an ANY link) keeps its Python text form.
        var name = inputs["name"] switch
        {
            null => null,
            string s => s,
            double d => PyFormat.Repr(d),
            bool b => b ? "True" : "False",
            var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
        };
        return new Dictionary<string, object?> { ["output"] = inputs.Series("input").WithName(name) };
    }
}
