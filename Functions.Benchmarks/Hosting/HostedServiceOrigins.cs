using IrpFlows.Benchmarks.Counting;
using IrpFlows.Local.Hosting;
using IrpFlows.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IrpFlows.Benchmarks.Hosting;

/// <summary>
/// Starts the hosted services that reach storage under an origin of their own: the Durable worker, the timer functions and
/// the storage set-up. Everything a service starts (its loops, the orchestrations and activities the worker runs) inherits
/// that origin through the execution context, so each storage request says who sent it.
/// </summary>
internal static class HostedServiceOrigins
{
    public static void StartHostedServicesUnderTheirOrigin(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IHostedService) || descriptor.IsKeyedService) continue;
            services[i] = ServiceDescriptor.Singleton<IHostedService>(sp =>
            {
                var service = Create(sp, descriptor);
                return OriginOf(service) is { } origin ? new StartedUnderOrigin(service, origin) : service;
            });
        }
    }

    private static RequestOrigin? OriginOf(IHostedService service) => service switch
    {
        DurableFunctionsWorker => RequestOrigin.DurableWorker,
        TimerFunctionsService => RequestOrigin.Timer,
        StorageInitializer => RequestOrigin.Setup,
        _ => null,
    };

    private static IHostedService Create(IServiceProvider services, ServiceDescriptor descriptor) => (IHostedService)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class StartedUnderOrigin(IHostedService service, RequestOrigin origin) : IHostedService
    {
        // Not async: the origin is set around the start only, and what the start begins keeps it.
        public Task StartAsync(CancellationToken cancellationToken)
        {
            using var _ = RequestOrigins.Enter(origin);
            return service.StartAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => service.StopAsync(cancellationToken);
    }
}
