using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;
using IrpFlows.Writing;

namespace IrpFlows.Irps.Letters;

// The announcement letter (prison guide 6.1, IRC guide 2.4).
public sealed partial class IrpMailTemplates
{
    private static MailMessage Announcement(IrpLetter l)
    {
        var w = l.Wording;
        var facts = l.Facts;
        var contacts = facts.Contacts;
        var to = w.IsImmigration ? l.Recipients(contacts.Governor, contacts.HomeOffice) : l.Recipients(contacts.Governor);
        var body = new MailBodyBuilder()
            .Paragraph(l.Greeting(to))
            .Paragraph($"I am writing to confirm that HM Inspectorate of Prisons will carry out an independent review of progress (IRP) at {w.Establishment} from {l.VisitLongRange}.")
            .Paragraph($"The review will follow up {Count(facts.Recommendations.Count, w.Item)} from our inspection of {w.Establishment}, which ended on {DateWords.LongDate(facts.SourceInspectionEnd)}. "
                + $"We will judge the progress made against each {w.Item}; there will be no overall judgement.")
            .Heading(w.IsImmigration ? "Concerns we will follow up" : "Recommendations we will follow up")
            // Prison guide 6.1: the list "may include recommendations that were rejected or only partly accepted by HMPPS".
            .NestedList(facts.Recommendations.Select(r => new ListItem(ItemLabel(r),
                r.HmppsResponseText is { } answer ? $"{r.Text} ({char.ToUpperInvariant(answer[0])}{answer[1..]}.)" : r.Text,
                r.Parts.Select(p => new ListItem(p.Ref, p.Text)).ToList())));

        if (!w.IsImmigration && facts.OfstedThemes.Count > 0)
        {
            // Prison guide 6.1: the themes of a concurrent monitoring visit; Ofsted's in England (5.2, 7.5), Estyn's in Wales (5.3).
            var inspectorate = w.EducationInspectorate;
            body.Heading($"{inspectorate} themes")
                .Paragraph(inspectorate == EducationInspectorate.Ofsted
                    ? "Ofsted will carry out a prison monitoring visit at the same time and will follow up the themes below. Ofsted will contact your learning and skills manager, or equivalent, directly."
                    : "Estyn will follow up the themes below at the same time.")
                .LabelledList(facts.OfstedThemes.Select(t => (t.RefGiven ? t.Ref : null, t.Text)));
        }

        var partners = IrpPartners.Invited(facts).Select(p => PartnerInvitation(p, facts)).ToList();
        if (partners.Count > 0)
        {
            body.Heading("Partner inspectorates")
                .Paragraph("We have invited the following to take part in the review:")
                .BulletList(partners);
        }

        var coordinator = contacts.Coordinator;
        body.Heading("Before the visit")
            .Paragraph($"Please appoint a liaison officer to be the main point of contact between the inspection team and your staff throughout the review, and let {coordinator.Name} know who this will be. "
                + (w.IsImmigration
                    ? "The role is described in Appendix I of our guide to independent reviews of progress for immigration detention staff."
                    : "The role is described in Appendix A of our guide to independent reviews of progress for prison staff."))
            // Prison guide 7.1 / IRC guide 2.5; the day, once the coordinator has arranged it.
            .Paragraph(l.Context.StepDates.TryGetValue(IrpSteps.PreparationVisit, out var preparation)
                ? w.IsImmigration
                    ? $"{coordinator.Name}, the coordinating inspector, will contact the centre on {DateWords.LongDate(preparation)} to explain the process, answer any questions and agree the arrangements for logistics and documents."
                    : $"{coordinator.Name}, the coordinating inspector, will make a preparation visit on {DateWords.LongDate(preparation)}, of half a day with a one-hour meeting with you, to explain the process, answer any questions and agree the arrangements for logistics and documents."
                : w.IsImmigration
                    ? $"{coordinator.Name}, the coordinating inspector, will contact the centre before the visit to explain the process, answer any questions and agree the arrangements for logistics and documents."
                    : $"{coordinator.Name}, the coordinating inspector, will arrange a preparation visit to explain the process, answer any questions and agree the arrangements for logistics and documents.")
            .Paragraph("We will offer staff association representatives the opportunity to meet the team leader, and we will arrange to meet representatives of the Independent Monitoring Board.")
            .Paragraph($"We will ask you and your liaison officer to:")
            .BulletList(DocumentAsks(facts, w))
            .Paragraph(w.IsImmigration
                ? $"We will send the request for these documents within two weeks of this letter. They should reach us no later than {l.LongDate(IrpSteps.DocumentsDeadline)}, five working days before the visit starts."
                : $"All these documents should reach us no later than {l.LongDate(IrpSteps.DocumentsDeadline)}, five working days before the visit starts. We will send you and your liaison officer a secure link for uploading them, with the pro forma and the data request.");

        body.Heading("Independent Monitoring Board")
            .Paragraph(w.IsImmigration
                ? $"I am copying this letter to {contacts.ImbChair.Name}, Chair of the Independent Monitoring Board. The team would welcome the opportunity to meet representatives of the Board during the visit."
                : $"I am copying this letter to {contacts.ImbChair.Name}, Chair of the Independent Monitoring Board, and I would like to invite the Chair to meet the team, or the team leader, during the visit.")
            .Paragraph($"If you have any questions about the review, please contact {coordinator.Name}, the coordinating inspector, at {coordinator.Email}.")
            .SignOff("Yours sincerely,", "HM Chief Inspector of Prisons");

        var subject = $"{w.SubjectPrefix}: visit {l.VisitShortRange}";
        return l.Compose(to, l.Recipients(contacts.ImbChair), subject, body);
    }

    /// <summary>Each partner on the grounds the guide gives, and only as certain as the guide is (prison guide 5.1–5.3, IRC guide 2.2–2.3).</summary>
    private static string PartnerInvitation(Partner partner, IrpFacts facts) => partner switch
    {
        Partner.Cqc => "the Care Quality Commission (CQC), as it issued notices following the inspection. CQC takes part whenever it can, but may instead arrange a separate follow-up visit",
        Partner.Ofsted when facts.OfstedThemes.Count > 0 => "Ofsted, which will carry out a prison monitoring visit at the same time to follow up the themes listed above",
        Partner.Ofsted => $"Ofsted, as education, skills and work was judged {(facts.EducationJudgement == EducationJudgement.Inadequate ? "inadequate" : "to require improvement")} at the inspection. "
            + "Ofsted intends to carry out a prison monitoring visit at the same time, but may instead visit separately",
        Partner.Estyn => "Estyn, as the inspection raised key concerns about education, skills and work"
            + (facts.OfstedThemes.Count > 0 ? ". Estyn will follow up the themes listed above" : ""),
        Partner.Icibi => "the Independent Chief Inspector of Borders and Immigration, who may accompany the visit",
        _ => throw new ArgumentOutOfRangeException(nameof(partner), partner, "Not a partner the guides name."),
    };

    private static IEnumerable<string> DocumentAsks(IrpFacts facts, IrpWording w)
    {
        yield return $"complete a pro forma identifying the manager responsible for each {w.Item} we are following up";
        yield return $"provide an updated action plan for these {w.Items}";
        yield return w.IsImmigration
            ? "prepare a 30-minute presentation, to be given at the start of the visit, explaining what staff have done to address our concerns, reflecting on what has gone well and what has been challenging, and offering a self-assessment of how much progress has been made"
            : "prepare a presentation of no more than one hour, to be given on the first day of the visit, explaining what staff have done to implement our recommendations, reflecting on what has gone well and what has been challenging, and offering a self-assessment of how much progress has been made against each recommendation";
        yield return w.IsImmigration
            ? "complete a bespoke data request, which we will send to the centre and the Home Office"
            : "complete a bespoke data request, which we will send you";
        yield return $"provide well-organised documentation and data showing the work done in response to the {w.Items} we are following up, such as new policies and procedures, quality assurance data and minutes of meetings";
        if (PopulationReport(facts.Establishment.Type) is { } report)
        {
            yield return $"provide the prisoner population report ('{report}', summary tab only), following the instructions in Appendix B of the guide";
        }
        yield return w.IsImmigration
            ? "provide copies of any relevant internal audit reports"
            : "provide copies of any operational support and assurance group (OSAG) reports";
    }

    /// <summary>The NOMIS report named in Appendix B of the prison guide for each establishment type.</summary>
    private static string? PopulationReport(EstablishmentType type) => type switch
    {
        EstablishmentType.Adult => "Adult HMP Establishments Population Breakdown",
        EstablishmentType.Yoi => "YOI Population Breakdown",
        EstablishmentType.Split => "Population Breakdown for Split Establishments - Adults and Young Adults",
        _ => null,
    };
}
