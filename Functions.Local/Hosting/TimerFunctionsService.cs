using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NCrontab;

namespace IrpFlows.Local.Hosting;

/// <summary>
/// Runs the app's timer-triggered functions on their NCRONTAB schedules (six fields, seconds first, as the Functions host
/// reads them; <c>%Setting%</c> resolves from configuration), each invocation in its own dependency-injection scope. A
/// failing invocation is logged and the schedule goes on, as in Azure.
/// </summary>
public sealed partial class TimerFunctionsService(
    FunctionCatalogue functions, IServiceProvider services, IConfiguration configuration, TimeProvider time, ILogger<TimerFunctionsService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.OfTrigger(TriggerKind.Timer).Select(f => RunAsync(f, Schedule(f), stoppingToken)));

    private CrontabSchedule Schedule(FunctionDefinition function)
    {
        var expression = function.Schedule!;
        if (expression.StartsWith('%') && expression.EndsWith('%'))
            expression = configuration[expression.Trim('%')] ?? throw new InvalidOperationException($"Timer '{function.Name}': the setting {expression} is missing.");
        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException($"Timer '{function.Name}': '{expression}' is not an NCRONTAB expression with seconds.");
    }

    private async Task RunAsync(FunctionDefinition function, CrontabSchedule schedule, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await using var scope = services.CreateAsyncScope();
                await FunctionInvoker.InvokeAsync(function.Method, scope.ServiceProvider, p =>
                    p.ParameterType == typeof(TimerInfo) ? new TimerInfo()
                    : p.ParameterType == typeof(CancellationToken) ? ct
                    : p.ParameterType == typeof(DurableTaskClient) ? scope.ServiceProvider.GetRequiredService<DurableTaskClient>()
                    : throw new InvalidOperationException($"Timer '{function.Name}' asks for '{p.Name}', which the local host cannot bind."));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Log.TimerFailed(logger, e, function.Name);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9101, Level = LogLevel.Error, Message = "Timer function {Function} failed; it runs again on its schedule")]
        public static partial void TimerFailed(ILogger logger, Exception exception, string function);
    }
}
