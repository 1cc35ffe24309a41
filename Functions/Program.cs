using IrpFlows.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;

// The app as Azure runs it: a .NET isolated worker behind the Functions host, which reads functions.metadata and
// host.json. Locally, Functions.Local serves the same functions without that host.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpErrorsMiddleware>();
builder.Services.AddIrpFlows(builder.Configuration);
builder.Build().Run();
