using IrpFlows.Mail;

namespace IrpFlows.Irps.Facts;

// Who the IRP writes to, and the warnings when someone a step needs is missing.
public static partial class IrpRequestValidator
{
    private static IrpContacts? ParseContacts(ContactsRequest? input, IrpKind? kind, Action<string, string> error, List<IrpWarning> warnings)
    {
        if (input is null)
        {
            error("contacts", "is required");
            return null;
        }

        var coordinator = Contacts.Parse(input.Coordinator, "contacts.coordinator", required: true, error);
        var governor = Contacts.Parse(input.Governor, "contacts.governor", required: true, error);
        var imbChair = Contacts.Parse(input.ImbChair, "contacts.imbChair", required: true, error);
        var liaisonOfficer = Contacts.Parse(input.LiaisonOfficer, "contacts.liaisonOfficer", required: false, error);
        var homeOffice = Contacts.Parse(input.HomeOffice, "contacts.homeOffice", required: false, error);
        if (kind == IrpKind.Immigration && input.HomeOffice is null)
        {
            error("contacts.homeOffice", "is required for an immigration IRP (IRC guide 2.4: the letter goes to the Home Office)");
        }

        var hmpps = Contacts.Parse(input.Hmpps, "contacts.hmpps", required: false, error);
        var contractor = Contacts.Parse(input.Contractor, "contacts.contractor", required: false, error);
        var ministerialOffice = Contacts.Parse(input.MinisterialOffice, "contacts.ministerialOffice", required: false, error);
        var detentionEngagement = Contacts.Parse(input.HomeOfficeDetentionEngagement, "contacts.homeOfficeDetentionEngagement", required: false, error);
        if (kind == IrpKind.Immigration && input.Hmpps is not null)
        {
            error("contacts.hmpps", "applies to prisons (prison guide 13.1); an IRC's debrief document goes to the contractor and the Home Office (IRC guide 4.3)");
        }
        if (kind == IrpKind.Prison && input.Contractor is not null)
        {
            error("contacts.contractor", "applies to immigration IRPs (IRC guide 4.3); a prison's debrief document goes to HMPPS (prison guide 13.1)");
        }
        if (kind == IrpKind.Prison && input.HomeOfficeDetentionEngagement is not null)
        {
            error("contacts.homeOfficeDetentionEngagement", "applies to immigration IRPs (IRC guide 5.3)");
        }

        if (kind == IrpKind.Prison && input.Hmpps is null)
        {
            warnings.Add(new IrpWarning("no-hmpps-contact", "contacts.hmpps",
                "is not given, so the debrief document will not be sent to HMPPS (prison guide 13.1)"));
        }
        if (kind == IrpKind.Immigration && input.Contractor is null)
        {
            warnings.Add(new IrpWarning("no-contractor-contact", "contacts.contractor",
                "is not given, so the debrief document will go to the Home Office only, not to the contractor (IRC guide 4.3)"));
        }
        if (kind is not null && input.MinisterialOffice is null)
        {
            warnings.Add(new IrpWarning("no-ministerial-office-contact", "contacts.ministerialOffice", kind == IrpKind.Immigration
                ? "is not given, so IrpFlows will not send the final report to the Home Secretary and Minister (IRC guide 5.1)"
                : "is not given, so IrpFlows will not send the final report to the Secretary of State for Justice (prison guide 14.1)"));
        }

        return coordinator is null || governor is null || imbChair is null
            ? null
            : new IrpContacts(coordinator, governor, imbChair, liaisonOfficer, homeOffice)
            {
                Hmpps = hmpps, Contractor = contractor, MinisterialOffice = ministerialOffice, HomeOfficeDetentionEngagement = detentionEngagement,
            };
    }
}
