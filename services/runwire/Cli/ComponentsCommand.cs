using System.CommandLine;
using System.Text.Json;
using Runwire.Core.Components;

namespace Runwire.Host.Cli;

/// <summary><c>runwire components</c>: which hetida component ids Runwire implements, by which C# class, and which it cannot run.</summary>
internal static class ComponentsCommand
{
    public static Command Create()
    {
        var command = new Command("components", "List the built-in component implementations as JSON lines.");
        command.SetAction(_ =>
        {
            foreach (var id in ComponentRegistry.Builtin.Ids.Order())
            {
                var component = ComponentRegistry.Builtin.Find(id)!;
                var line = new Dictionary<string, object?>
                {
                    ["id"] = id,
                    ["class"] = component.GetType().FullName,
                    ["supported"] = component is not UnsupportedComponent,
                    ["reason"] = (component as UnsupportedComponent)?.Reason,
                };
                Console.WriteLine(JsonSerializer.Serialize(line));
            }
            return 0;
        });
        return command;
    }
}
