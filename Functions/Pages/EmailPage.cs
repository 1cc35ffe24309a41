using IrpFlows.Mail;
using MimeKit;

namespace IrpFlows.Pages;

/// <summary>
/// One email an IRP or a probation inspection sent: who it went to and when, and its text as the recipient reads it, with its
/// attachments' names.
/// </summary>
public static class EmailPage
{
    /// <param name="back">The page of the IRP or inspection that sent it.</param>
    /// <param name="backTo">Its name, for the link back.</param>
    /// <param name="message">The message as sent, or null where mail goes through Microsoft Graph and no copy is kept here.</param>
    public static Html Render(string back, string backTo, EmailRecord sent, MimeMessage? message, TimeZoneInfo zone) => Html.Of($"""
        <a href="{back}#emails" class="govuk-back-link">Back to {backTo}</a>
        <h1 class="govuk-heading-l">{sent.Subject}</h1>
        <dl class="govuk-summary-list">
        {PageLayout.SummaryRow("Sent", PageLayout.When(sent.SentAt, zone))}
        {PageLayout.SummaryRow("To", string.Join(", ", sent.To))}
        {PageLayout.SummaryRow("Copied to", sent.Cc.Count == 0 ? "–" : string.Join(", ", sent.Cc))}
        </dl>
        {(message is null
            ? Html.Of($"<p class=\"govuk-body\">Mail is sent through Microsoft Graph here, so IrpFlows keeps no copy: the message is in the sender mailbox's Sent Items.</p>")
            : Html.Of($"""
                <h2 class="govuk-heading-m">Message</h2>
                <pre class="app-email-text govuk-body" id="message-text">{message.TextBody ?? "(This message has no plain-text part.)"}</pre>
                {(message.Attachments.Any() ? Html.Of($"<h2 class=\"govuk-heading-m\">Attachments</h2><ul class=\"govuk-list govuk-list--bullet\">{message.Attachments.Select(a => Html.Of($"<li>{a.ContentDisposition?.FileName ?? a.ContentType.Name ?? a.ContentType.MimeType}</li>"))}</ul>") : Html.Empty)}
                """))}
        """);

}
