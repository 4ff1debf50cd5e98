using Runwire.Ingest.Execution;
using Runwire.Ingest.Intake;
using Runwire.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "ingest");
builder.AddIntake();
builder.AddJobWorkflow();

var app = builder.Build();
app.UseRequestLimits();
app.UseCloudEvents();
// daprd reads the subscriptions at start; they name topics only, and stay open like /healthz.
app.MapSubscribeHandler().AllowAnonymous();
app.MapDefaultEndpoints();
app.MapIntake();
app.Run();

/// <summary>Entry point, public so the integration tests can host it.</summary>
public partial class Program;
