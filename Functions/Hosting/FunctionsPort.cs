namespace IrpFlows.Hosting;

/// <summary>Where the app listens: the port the Functions host gives a custom handler, else the Functions default 7071.</summary>
public static class FunctionsPort
{
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const int LocalDefaultPort = 7071;

    public static IWebHostBuilder UseFunctionsPort(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        // In Azure the Functions host starts the app and forwards requests to this port on the loopback interface.
        if (configuration[CustomHandlerPortVariable] is { Length: > 0 } port)
            return webHost.UseUrls($"http://127.0.0.1:{port}");
        // Locally, honour --urls / ASPNETCORE_URLS when given.
        return string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            ? webHost.UseUrls($"http://localhost:{LocalDefaultPort}")
            : webHost;
    }
}
