using Runwire.Core.Security;
using Runwire.Execution;
using Runwire.ServiceDefaults;
using Runwire.ServiceDefaults.Health;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "executor");
builder.AddExecution();
builder.AddDaprSidecarCheck();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseRequestLimits();
app.MapDefaultEndpoints();
app.MapOpenApi().RequireAuthorization(AccessRoles.Read);
app.MapExecutor();
app.MapWorkflowSteps();
app.Run();

/// <summary>Entry point, public so the integration tests can host it.</summary>
public partial class Program;
