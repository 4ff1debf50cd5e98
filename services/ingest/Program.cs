using Runwire.Ingest.Execution;
using Runwire.Ingest.Health;
using Runwire.Ingest.Intake;
using Runwire.Ingest.Board;
using Runwire.ServiceDefaults;
using Runwire.ServiceDefaults.Health;
using Runwire.ServiceDefaults.OpenApi;
using Runwire.WebConsole;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "ingest");
builder.AddIntake();
builder.AddJobWorkflow();
builder.AddJobBoard();
builder.AddRunwireOpenApi("Runwire ingest", "Takes jobs (HTTP and Dapr pub/sub) and runs each as a Dapr workflow; hetida's execution endpoints.");
builder.AddReadiness();

var app = builder.Build();
app.UseRequestLimits();
app.UseCloudEvents();
// daprd reads the subscriptions at start; they name topics only, and stay open like /healthz.
app.MapSubscribeHandler().AllowAnonymous().ExcludeFromDescription();
app.MapDefaultEndpoints();
app.MapRunwireOpenApi();
// The console reads this replica's jobs from memory and asks the sidecar with a short timeout: not behind the gate.
app.MapRunwireConsole();
// Without its sidecar every job call would hang for minutes in Dapr's clients: answer 503 with the reason at once.
app.MapGroup("").RequireDaprSidecar().WithMetadata(new ProducesResponseTypeMetadata(503, typeof(DetailSchema), ["application/json"])).MapIntake();
app.Run();

/// <summary>Entry point, public so the integration tests can host it.</summary>
public partial class Program;
