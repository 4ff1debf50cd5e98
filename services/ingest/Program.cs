using Runwire.ServiceDefaults;

// The ingest service's features arrive with their issues; today it serves its health endpoint.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "ingest");

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
