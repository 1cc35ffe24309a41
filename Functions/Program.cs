using IrpFlows.Hosting;
using IrpFlows.Http;
using IrpFlows.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Azure.Functions.Worker.Builder;

// The app as Azure runs it: a .NET isolated worker behind the Functions host, which reads functions.metadata and
// host.json. Locally, Functions.Local serves the same functions without that host, around the same HTTP middleware.
var builder = FunctionsApplication.CreateBuilder(args);
// First: the ASP.NET Core integration's middleware must be the outer one, so the HTTP middleware sees the HttpContext
// (see HttpPipeline).
builder.ConfigureFunctionsWebApplication();
builder.UseHttpPipeline();
builder.Services.AddIrpFlows(builder.Configuration);
// The worker exports its own logs and traces (TelemetryRegistration): the host is told so, and stops sending the worker's
// logs itself, and the resource names the Function App.
if (TelemetryRegistration.IsExported(builder.Configuration)) builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
builder.Build().Run();
