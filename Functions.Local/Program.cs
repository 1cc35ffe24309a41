using IrpFlows.Hosting;
using IrpFlows.Http;
using IrpFlows.Local.Hosting;

// Runs the Function App of Functions/ without the Azure Functions host: `dotnet run --project Functions.Local`.
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettingsBeforeEnvironment(builder.Environment.ContentRootPath);
builder.UseFunctionsPort();
// The Durable Task Framework narrates every poll and lease at Information; its warnings and errors still show.
builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
builder.Services.AddIrpFlows(builder.Configuration);
builder.Services.AddLocalFunctionsHost(typeof(IrpFunctions).Assembly, builder.Configuration);

var app = builder.Build();
app.MapLocalFunctions();
app.Run();

/// <summary>The local host's entry point, named so tests can host it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
