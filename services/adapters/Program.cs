using Runwire.ServiceDefaults;

// The adapters service's features arrive with their issues; today it serves its health endpoint.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(serviceName: "adapters");

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
