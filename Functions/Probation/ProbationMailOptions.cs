using System.Net.Mail;
using IrpFlows.Mail;

namespace IrpFlows.Probation;

/// <summary>
/// Who a probation inspection's emails are from: HMI Probation, not HMI Prisons, whose name and address the mail settings
/// (<see cref="OutboxOptions"/>, the Graph sender mailbox) give every other email. Bound from the section <c>ProbationMail</c>.
/// Sent through Graph, the sender mailbox (<see cref="GraphMailOptions.SenderUserId"/>) needs Send As on
/// <see cref="SenderAddress"/> in Exchange Online, or Graph refuses the send.
/// </summary>
public sealed class ProbationMailOptions
{
    public const string SectionName = "ProbationMail";

    public string SenderName { get; set; } = "HM Inspectorate of Probation";

    public string SenderAddress { get; set; } = "probation@hmiprobation.example";

    /// <summary>The From of every probation email.</summary>
    public EmailAddress Sender => new(SenderName, SenderAddress);

    /// <summary>Binds the section and validates.</summary>
    /// <exception cref="InvalidOperationException">A name that is empty, or an address that is not one mailbox, named with its setting.</exception>
    public static ProbationMailOptions FromConfiguration(IConfiguration section)
    {
        var options = new ProbationMailOptions();
        section.Bind(options);
        if (string.IsNullOrWhiteSpace(options.SenderName))
            throw new InvalidOperationException($"{SectionName}:{nameof(SenderName)} must not be empty: it is the name probation emails are from.");
        if (!MailAddress.TryCreate(options.SenderAddress, out var address) || address.Address != options.SenderAddress.Trim() || address.DisplayName.Length > 0)
            throw new InvalidOperationException($"{SectionName}:{nameof(SenderAddress)} must be one email address, such as probation@hmiprobation.gov.uk.");
        return options;
    }
}
