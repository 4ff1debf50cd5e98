using Runwire.Adapters.Steps;
using Runwire.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "adapters");
builder.AddAdapterSteps();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAdapterSteps();
app.Run();

/// <summary>Entry point, public so the integration tests can host it.</summary>
public partial class Program;
