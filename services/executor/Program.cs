using Runwire.Execution;
using Runwire.ServiceDefaults;
using Runwire.ServiceDefaults.Health;
using Runwire.ServiceDefaults.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "executor");
builder.Configuration["Runwire:DataDirectory"] ??= ExecutionSetup.DefaultDataDirectory("executor");
builder.AddExecution();
builder.AddRunwireOpenApi("Runwire executor", "Runs hetida transformation revisions: hetida's execution endpoints and the transformation store.");
builder.AddDaprSidecarCheck();

var app = builder.Build();
app.UseRequestLimits();
app.MapDefaultEndpoints();
app.MapRunwireOpenApi();
app.MapExecutor();
app.MapWorkflowSteps();
app.Run();

/// <summary>Entry point, public so the integration tests can host it.</summary>
public partial class Program;
