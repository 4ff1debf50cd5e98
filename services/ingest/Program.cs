using Runwire.Ingest.Execution;
using Runwire.Ingest.Intake;
using Runwire.ServiceDefaults;
using Runwire.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "ingest");
builder.AddIntake();
builder.AddJobWorkflow();
builder.AddRunwireOpenApi("Runwire ingest", "Takes jobs (HTTP and Dapr pub/sub) and runs each as a Dapr workflow; hetida's execution endpoints.");

var app = builder.Build();
app.UseRequestLimits();
app.UseCloudEvents();
// daprd reads the subscriptions at start; they name topics only, and stay open like /healthz.
app.MapSubscribeHandler().AllowAnonymous();
app.MapDefaultEndpoints();
app.MapRunwireOpenApi();
app.MapIntake();
app.Run();

/// <summary>Entry point, public so the integration tests can host it.</summary>
public partial class Program;
