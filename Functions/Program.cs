var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>Exposed so tests can host the app with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
