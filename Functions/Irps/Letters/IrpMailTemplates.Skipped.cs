using IrpFlows.Mail;

namespace IrpFlows.Irps.Letters;

// The coordinator's notice of steps not sent because their moment had passed (after an outage, or a jump of the clock).
public sealed partial class IrpMailTemplates
{
    private static MailMessage SkippedNotice(IrpLetter l)
    {
        var skipped = l.Context.SkippedSteps;
        if (skipped.Count == 0)
        {
            throw new ArgumentException("The notice of skipped steps needs the steps it tells of.", nameof(l));
        }
        var w = l.Wording;
        var coordinator = l.Facts.Contacts.Coordinator;
        var body = new MailBodyBuilder()
            .Paragraph($"Dear {coordinator.Name},")
            .Paragraph($"IrpFlows reached {(skipped.Count == 1 ? "a step" : "these steps")} of the independent review of progress at {w.Establishment} only after {(skipped.Count == 1 ? "its" : "their")} moment had passed, "
                + $"so {(skipped.Count == 1 ? "it was" : "they were")} not sent, rather than sent with dates no longer true:")
            .BulletList(skipped.Select(s => $"{s.Title} (planned for {l.LongDate(s.Date)}): {s.Reason}."))
            .Paragraph("If any of them is still needed, please send it yourself, with dates that are true today.")
            .SignOff("This is an automated message from IrpFlows.", "HM Inspectorate of Prisons");
        return l.Compose(l.Recipients(coordinator), [],
            $"{w.SubjectPrefix}: {Count(skipped.Count, "step")} not sent because {(skipped.Count == 1 ? "its" : "their")} moment had passed", body);
    }
}
