using Runwire.DataAdapters;
using Runwire.DataAdapters.Protocol;
using Runwire.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "adapters");
builder.Services.AddRunwireAdapters(AdapterSettings.From(builder.Configuration));

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAdapterProtocol();
app.Run();

/// <summary>Entry point, public so the integration tests can host it.</summary>
public partial class Program;
