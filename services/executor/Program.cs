using Runwire.Core.Security;
using Runwire.Execution;
using Runwire.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "executor");
builder.Configuration["Runwire:DataDirectory"] ??= ExecutionSetup.DefaultDataDirectory("executor");
builder.AddExecution();
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
