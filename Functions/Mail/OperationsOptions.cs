using System.Net.Mail;

namespace IrpFlows.Mail;

/// <summary>
/// The team that runs IrpFlows, copied on every failure notice (a step whose attempts ran out, an inspection that cannot be
/// planned) so a fault in the app or the mail service reaches someone who can fix it, not only the coordinator who cannot.
/// Bound from the section <c>Operations</c>; optional: without an address no one is copied.
/// </summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>The mailbox copied on failure notices (app setting <c>Operations__Address</c>); empty: none.</summary>
    public string Address { get; set; } = "";

    /// <summary>Whom failure notices are copied to: the operations address, or no one.</summary>
    public IReadOnlyList<EmailAddress> FailureCopy => Address.Length == 0 ? [] : [new EmailAddress("IrpFlows operations", Address)];

    /// <summary>Binds the section and validates.</summary>
    /// <exception cref="InvalidOperationException">An address that is not one mailbox, named with its setting.</exception>
    public static OperationsOptions FromConfiguration(IConfiguration section)
    {
        var options = new OperationsOptions();
        section.Bind(options);
        options.Address = options.Address.Trim();
        if (options.Address.Length > 0 && (!MailAddress.TryCreate(options.Address, out var address) || address.Address != options.Address || address.DisplayName.Length > 0))
            throw new InvalidOperationException($"{SectionName}:{nameof(Address)} must be one email address, such as irpflows-operations@justice.gov.uk, or empty.");
        return options;
    }
}
