using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// The worker middleware the app registers (<c>HttpPipeline.UseHttpPipeline</c>, the same call <c>Program.cs</c> makes in
/// Azure), collected in order so the local host can run it around each HTTP function: what the Functions worker's
/// builder does with <see cref="Use"/>, without the worker.
/// </summary>
public sealed class LocalWorkerMiddleware(IServiceCollection services) : IFunctionsWorkerApplicationBuilder
{
    private readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> _middleware = [];

    public IServiceCollection Services { get; } = services;

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>The middleware around <paramref name="function"/>, first registered outermost, as the worker chains it.</summary>
    public FunctionExecutionDelegate Around(FunctionExecutionDelegate function) =>
        Enumerable.Reverse(_middleware).Aggregate(function, (next, middleware) => middleware(next));
}
