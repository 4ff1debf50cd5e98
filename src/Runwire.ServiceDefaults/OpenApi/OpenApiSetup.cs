using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;
using Runwire.Core.Security;
using Scalar.AspNetCore;

namespace Runwire.ServiceDefaults.OpenApi;

/// <summary>
/// Every HTTP service's OpenAPI document at <see cref="DocumentPath"/> (role <c>read</c>), with the statuses the
/// shared parts of the pipeline answer (401/403 from authentication, 413 from the body limit) added to the operations
/// they apply to, and an interactive reference (Scalar, served from the package, no CDN) at <see cref="ReferencePath"/>
/// in Development or with <c>Runwire:OpenApi:Reference=true</c>. See docs/http-api.md.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api-reference";
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";

    public static IHostApplicationBuilder AddRunwireOpenApi(this IHostApplicationBuilder builder, string title, string description)
    {
        builder.Services.AddOpenApi(options =>
        {
            // JobSchemas' types are named after hetida's models: ExecByIdInputSchema documents ExecByIdInput.
            options.CreateSchemaReferenceId = type => type.Type.Name.EndsWith("Schema", StringComparison.Ordinal)
                ? type.Type.Name[..^"Schema".Length]
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = title, Version = "v1", Description = description };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-API-Key",
                    Description = "An API key from Runwire:Auth:ApiKeys (also accepted as 'Authorization: ApiKey <key>'); see docs/security.md.",
                };
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT whose roles claim names submit, read or admin; see docs/security.md.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.Responses ??= new OpenApiResponses();
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid credentials (problem+json)." });
                    operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The credentials lack the role this endpoint needs (problem+json)." });
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                }
                if (metadata.OfType<IAcceptsMetadata>().Any())
                {
                    operation.Responses.TryAdd("413", new OpenApiResponse { Description = "The body is larger than Runwire:Limits:MaxRequestBytes; the JSON body names the limit." });
                }
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>The answers of hetida's synchronous execute endpoints: the result, 404 for an unknown id, 422 for an invalid body or wiring.</summary>
    public static RouteHandlerBuilder ProducesExecution(this RouteHandlerBuilder builder) =>
        builder.Produces<ExecutionResponseSchema>(200).Produces<DetailSchema>(404).Produces<ValidationDetailSchema>(422);

    public static WebApplication MapRunwireOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).RequireAuthorization(AccessRoles.Read);
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Runwire:OpenApi:Reference"))
        {
            app.MapScalarApiReference(ReferencePath, o => o.WithOpenApiRoutePattern(DocumentPath)).RequireAuthorization(AccessRoles.Read);
        }
        return app;
    }
}
