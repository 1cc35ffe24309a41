using IrpFlows.Hosting;
using IrpFlows.Http;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettingsBeforeEnvironment(builder.Environment.ContentRootPath);
builder.WebHost.UseFunctionsPort(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddIrpFlows(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStorageReadiness();
app.MapOpenApi("/api/openapi.json");
app.MapHostEndpoints(app.Configuration.GetValue<bool>(ServiceRegistration.DevClockEnabledSetting));
app.MapIrpEndpoints();
app.MapReportEndpoints();
app.MapOutboxEndpoints();
app.MapUploadEndpoints();
app.MapFactCheckEndpoints();
app.Run();

/// <summary>Exposed so tests can host the app with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
