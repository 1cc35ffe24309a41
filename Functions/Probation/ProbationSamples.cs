using IrpFlows.Documents;

namespace IrpFlows.Probation;

/// <summary>
/// The case samples the organisation provides (manual 4.1: "The case sample for this inspection comprises three different
/// lists"): for both kinds the domain two sample, in two parts (the long list, then the provisional list returned with
/// exclusions and responsible officers' availability, 4.4 stages 1–4); for an NPS division the court reports and allocation
/// sample and the victim work sample; for a CRC the unpaid work sample and the Through the Gate sample (4.1, 4.4). Each is its
/// own item on the organisation's upload page, with its section and the manual's size range.
/// </summary>
public static class ProbationSamples
{
    public const string DomainTwoLongList = "domain-two-long-list";
    public const string DomainTwoProvisionalList = "domain-two-provisional-list";

    /// <summary>The court reports and allocation sample: the key the single "case sample" had, whose dates 4.4 gives for this sample.</summary>
    public const string CourtReports = "case-sample";

    public const string VictimWork = "victim-work-sample";
    public const string UnpaidWork = "unpaid-work-sample";
    public const string ThroughTheGate = "through-the-gate-sample";

    private static readonly DocumentItem LongList = new(DomainTwoLongList, "Domain two long list",
        "Stage 1: every case sentenced to a community order or suspended sentence order, or released from custody, in the period the case sample "
        + "specification gives, with its tier 1 and tier 2 units. From it we select between 100 and 150 cases (manual 4.2).", "Probation manual 4.4");

    private static readonly DocumentItem ProvisionalList = new(DomainTwoProvisionalList, "Domain two provisional list, returned",
        "Stage 3: the provisional case sample list we send you, returned with every exclusion the specification lists identified and each "
        + "responsible officer's availability given.", "Probation manual 3.8, 4.4");

    private static readonly IReadOnlyList<DocumentItem> Nps =
    [
        new(CourtReports, "Court reports and allocation sample",
            "Every court report completed in the specified period where the service user was sentenced to a community order, suspended sentence "
            + "order or immediate custody, including cases allocated to CRCs; about 85 to 125 cases are inspected (manual 4.4, figure 2).", "Probation manual 4.4"),
        new(VictimWork, "Victim work sample",
            "Every new custodial sentence allocated to the division in the specified period where the offence made the case potentially eligible "
            + "for statutory victim contact; about 15 to 30 cases are inspected (manual 4.4, figure 2).", "Probation manual 4.1, 4.4"),
    ];

    private static readonly IReadOnlyList<DocumentItem> Crc =
    [
        new(UnpaidWork, "Unpaid work sample",
            "Every unpaid work requirement ordered in the specified period, including orders managed by the NPS; between 24 and 72 cases are "
            + "inspected (manual 4.4).", "Probation manual 4.1, 4.4"),
        new(ThroughTheGate, "Through the Gate sample",
            "The long list of cases from each resettlement prison where you deliver Through the Gate services, released shortly before fieldwork; "
            + "between 20 and 80 cases are inspected (manual 4.4).", "Probation manual 4.1, 4.4"),
    ];

    /// <summary>The domain two sample's two parts, then the domain three samples of <paramref name="type"/>.</summary>
    public static IReadOnlyList<DocumentItem> For(OrganisationType type) => [LongList, ProvisionalList, .. DomainThree(type)];

    /// <summary>The domain three samples of <paramref name="type"/> in a few words, as a step's title names them.</summary>
    public static string DomainThreeNames(OrganisationType type) =>
        type == OrganisationType.Nps ? "court reports and allocation; victim work" : "unpaid work; Through the Gate";

    /// <summary>The domain three samples of <paramref name="type"/> (4.1): asked for on Monday of week -4 and due at 16:00 on Wednesday of week -3.</summary>
    public static IReadOnlyList<DocumentItem> DomainThree(OrganisationType type) => type == OrganisationType.Nps ? Nps : Crc;
}
