using Runwire.Adapters.Steps;
using Runwire.DataAdapters;
using Runwire.DataAdapters.Protocol;
using Runwire.ServiceDefaults;
using Runwire.ServiceDefaults.Health;
using Runwire.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "adapters");
builder.AddDaprSidecarCheck();
// The adapters first: the workflow steps use their registry (AddAdapterSteps only falls back to an empty one).
builder.Services.AddRunwireAdapters(AdapterSettings.From(builder.Configuration));
builder.AddAdapterSteps();
builder.AddRunwireOpenApi("Runwire adapters", "The built-in adapters (local files, SQL) over hetida's generic REST adapter protocol.");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRunwireOpenApi();
app.MapAdapterProtocol();
app.MapAdapterSteps();
app.Run();

/// <summary>Entry point, public so the integration tests can host it.</summary>
public partial class Program;
