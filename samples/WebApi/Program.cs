using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MediaModels;
using MediaModels.Client;
using MediaModels.Samples.WebApi;
using MediaModels.Sandbox;
using MediaModels.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

// No service configured: run the sandbox in process (no account needed) and point the client at it.
SandboxServer? sandbox = null;
if (string.IsNullOrEmpty(builder.Configuration["MediaModels:Endpoint"]))
{
    var sandboxOptions = new SandboxOptions { JobDuration = TimeSpan.FromSeconds(builder.Configuration.GetValue("Sandbox:JobSeconds", 2.0)) };
    Task<SandboxServer> starting;
    using (ExecutionContext.SuppressFlow())
    {
        // The sandbox is a web host of its own. Started outside this method's async flow, it is not taken for this
        // app by a test host that watches the hosts built here (WebApplicationFactory).
        starting = Task.Run(() => SandboxServer.StartAsync(sandboxOptions));
    }

    sandbox = await starting;
    builder.Configuration["MediaModels:Endpoint"] = sandbox.Endpoint.ToString();
}

// The client: options from the "MediaModels" section, checked at start; its HttpClient comes from IHttpClientFactory.
builder.Services.AddMediaModelsClient();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);

// Traces and metrics of the client (and of ASP.NET Core, so each generation nests under its HTTP request).
if (builder.Configuration.GetValue("Telemetry:Console", true))
{
    builder.Services.AddOpenTelemetry()
        .ConfigureResource(resource => resource.AddService("MediaModels.Samples.WebApi"))
        .WithTracing(tracing => tracing.AddSource(MediaClientTelemetry.ActivitySourceName, "Microsoft.AspNetCore").AddConsoleExporter())
        .WithMetrics(metrics => metrics.AddMeter(MediaClientTelemetry.MeterName).AddConsoleExporter());
}

WebApplication app = builder.Build();
app.UseExceptionHandler();

// Validates the request with the rule engine, starts it, and answers 202 with the generation's id and where to poll it.
app.MapPost("/generations", async (HttpRequest http, IMediaClient media, CancellationToken cancellationToken) =>
{
    using var body = new MemoryStream();
    await http.Body.CopyToAsync(body, cancellationToken);
    RequestReadResult read = RequestJsonReader.Read(body.ToArray());
    var violations = media.Validator.Validate(read);
    if (read.Request is null || read.HasErrors || Problems.HasErrors(violations))
    {
        return Problems.RuleViolations(violations, "The generation request breaks the catalog's rules; nothing was sent.");
    }

    try
    {
        GenerationOperation operation = await media.StartGenerationAsync(read.Request, cancellationToken);
        return Results.Accepted($"/generations/{operation.Id}", GenerationView.Of(operation));
    }
    catch (MediaToolException refused) when (refused.Violations.Count > 0)
    {
        return Problems.RuleViolations(refused.Violations, "The service refused the request by its own rule check.");
    }
    catch (MediaServiceException failure)
    {
        return Problems.ServiceFailure(failure);
    }
});

// Resumes the generation from its id alone (this process may have restarted since the POST) and asks for its status.
app.MapGet("/generations/{id}", async (string id, IMediaClient media, CancellationToken cancellationToken) =>
{
    GenerationOperation operation = media.GetGeneration(id);
    try
    {
        await operation.UpdateStatusAsync(cancellationToken);
        return Results.Ok(GenerationView.Of(operation));
    }
    catch (MediaToolException unknown) when (unknown.ErrorCode == "not_found")
    {
        return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such generation.", detail: unknown.ServerMessage);
    }
    catch (MediaServiceException failure)
    {
        return Problems.ServiceFailure(failure);
    }
});

try
{
    await app.RunAsync();
}
finally
{
    if (sandbox is not null)
    {
        await sandbox.DisposeAsync();
    }
}

/// <summary>The app's entry point, public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
