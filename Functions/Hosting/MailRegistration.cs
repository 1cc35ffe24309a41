using IrpFlows.Mail;
using IrpFlows.Storage;

namespace IrpFlows.Hosting;

/// <summary>
/// Chooses the mail sender: Microsoft Graph when a sender mailbox is configured, otherwise the local outbox; and binds who is
/// copied on failure notices (<see cref="OperationsOptions"/>), checked at start-up.
/// </summary>
public static class MailRegistration
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        var outbox = new OutboxOptions();
        configuration.GetSection(OutboxOptions.SectionName).Bind(outbox);
        services.AddSingleton(outbox);
        services.AddSingleton(OperationsOptions.FromConfiguration(configuration.GetSection(OperationsOptions.SectionName)));

        var graph = new GraphMailOptions();
        configuration.GetSection(GraphMailOptions.SectionName).Bind(graph);
        if (!string.IsNullOrWhiteSpace(graph.SenderUserId))
        {
            services.AddSingleton(graph);
            services.AddSingleton<IMailSender>(sp => new TracedMailSender(
                new GraphMailSender(GraphMailClientFactory.CreateClient(graph), graph, sp.GetRequiredService<TimeProvider>()), "graph"));
            return services;
        }
        services.AddSingleton<OutboxMailSender>();
        services.AddSingleton<IMailSender>(sp => new TracedMailSender(sp.GetRequiredService<OutboxMailSender>(), "outbox"));
        services.AddSingleton<IStorageSetup>(sp => sp.GetRequiredService<OutboxMailSender>());
        return services;
    }
}
