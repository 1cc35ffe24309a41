namespace IrpFlows.Mail;

/// <summary>
/// Settings for sending through Microsoft Graph (section <c>Graph</c>, app settings <c>Graph__*</c>).
/// The app registration needs the application permissions Mail.Send and Mail.ReadWrite, ideally limited to the sender
/// mailbox by an application access policy.
/// </summary>
public sealed class GraphMailOptions
{
    public const string SectionName = "Graph";

    /// <summary>The mailbox mail is sent from: a user principal name or object id.</summary>
    public string SenderUserId { get; set; } = "";

    /// <summary>Directory of the app registration; needed with <see cref="ClientSecret"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id with <see cref="ClientSecret"/>, or a user-assigned managed identity's client id without it.</summary>
    public string? ClientId { get; set; }

    /// <summary>Set only for local runs against a real tenant; in Azure leave it empty and the managed identity is used.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How many times one <see cref="GraphMailSender.SendAsync"/> call submits the draft when the outcome is unknown.</summary>
    public int MaxSendAttempts { get; set; } = 3;

    /// <summary>
    /// How long to wait after a send whose outcome is unknown before looking for the sent copy: Exchange files it in
    /// Sent Items a moment after accepting the message.
    /// </summary>
    public TimeSpan SendRecheckDelay { get; set; } = TimeSpan.FromSeconds(10);
}
