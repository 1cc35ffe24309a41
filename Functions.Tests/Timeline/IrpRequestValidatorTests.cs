using System.Text.Json;
using IrpFlows.Calendar;
using IrpFlows.Irps.Facts;
using IrpFlows.Irps.Timeline;
using IrpFlows.Mail;

namespace IrpFlows.Tests.Timeline;

public class IrpRequestValidatorTests
{
    private static readonly DateOnly Today = new(2022, 11, 28);

    private static readonly ContactsRequest Contacts = new(
        new ContactRequest("Coordinator", "coordinator@justiceinspectorates.gov.uk"),
        new ContactRequest("Governor", "governor@justice.gov.uk"),
        new ContactRequest("IMB Chair", "imb.chair@imb.org.uk"),
        LiaisonOfficer: null,
        HomeOffice: null)
    {
        Hmpps = new ContactRequest("Prison Group Director", "pgd@justice.gov.uk"),
        MinisterialOffice = new ContactRequest("Private Office", "private.office@justice.gov.uk"),
    };

    /// <summary>HMP Elmley's IRP as a coordinator would have started it.</summary>
    private static CreateIrpRequest Elmley() => new()
    {
        Kind = "prison",
        Establishment = new EstablishmentRequest("HMP Elmley", "adult", "england"),
        SourceInspectionEnd = "2022-03-18",
        VisitStart = "2023-02-13",
        AnnouncementDate = "2022-11-28",
        Contacts = Contacts,
        Recommendations = [.. Enumerable.Range(1, 7).Select(i => new RecommendationRequest($"1.{i}", "Safety", $"Recommendation {i}"))],
        OfstedThemes = [new OfstedThemeRequest("T1", "Theme 1")],
    };

    private static CreateIrpRequest Irc() => new()
    {
        Kind = "immigration",
        Establishment = new EstablishmentRequest("Harmondsworth IRC", "irc", "england"),
        SourceInspectionEnd = "2024-11-22",
        VisitStart = "2025-09-01",
        AnnouncementDate = "2025-06-02",
        Contacts = Contacts with
        {
            HomeOffice = new ContactRequest("Home Office", "dec@homeoffice.gov.uk"), Hmpps = null,
            Contractor = new ContactRequest("Centre contractor", "contract@contractor.example"),
        },
        Recommendations = [new RecommendationRequest("C1", null, "Concern 1")],
    };

    private static IrpValidation Validate(CreateIrpRequest? request, IrpPolicy? policy = null, DateOnly? today = null) =>
        IrpRequestValidator.Validate(request, today ?? Today, WorkingDayCalendar.EnglandAndWales, policy ?? new IrpPolicy());

    private static void AssertError(IrpValidation validation, string field, string message)
    {
        Assert.False(validation.IsValid);
        Assert.Null(validation.Facts);
        Assert.True(validation.Errors.ContainsKey(field), $"no error for '{field}'; errors: {string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
        Assert.Contains(validation.Errors[field], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Elmley_IsValid_WithoutWarnings()
    {
        var validation = Validate(Elmley());

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Warnings);
        var facts = validation.Facts!;
        Assert.Equal(IrpKind.Prison, facts.Kind);
        Assert.Equal(new Establishment("HMP Elmley", EstablishmentType.Adult, Nation.England), facts.Establishment);
        Assert.Equal(new DateOnly(2023, 2, 13), facts.VisitStart);
        Assert.Equal(7, facts.Recommendations.Count);
        Assert.Equal("T1", facts.OfstedThemes.Single().Ref);
        Assert.False(facts.CqcIssuedNotices);
    }

    [Fact]
    public void RecommendationInParts_NeedsNoTextOfItsOwn_AndKeepsItsPartsInOrder()
    {
        var validation = Validate(Elmley() with
        {
            Recommendations =
            [
                new("1.33", "Leadership", "Outcomes should be improved.") { Inspector = "  Sara Pennington ", Concern = " Strategies were out of date. " },
                new("1.34", "Safety", null) { Parts = [new(" 1.34a ", "Force should be used less. "), new("1.34b", "Segregation should be improved.")] },
            ],
        });

        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        var (whole, inParts) = (validation.Facts!.Recommendations[0], validation.Facts.Recommendations[1]);
        Assert.Equal("Sara Pennington", whole.Inspector);
        Assert.Equal("Strategies were out of date.", whole.Concern);
        Assert.Empty(whole.Parts);
        Assert.Equal("", inParts.Text);
        Assert.Equal([new RecommendationPart("1.34a", "Force should be used less."), new RecommendationPart("1.34b", "Segregation should be improved.")], inParts.Parts);
    }

    [Fact]
    public void PartnerFacts_AreKept_ForTheLetterAndTheTimeline()
    {
        var english = Validate(Elmley() with { EducationJudgement = "requiresImprovement" }).Facts!;
        var welsh = Validate(Elmley() with { Establishment = new EstablishmentRequest("HMP Parc", "adult", "wales"), EducationConcerns = true }).Facts!;
        var irc = Validate(Irc() with { IcibiInvited = true }).Facts!;

        Assert.Equal(EducationJudgement.RequiresImprovement, english.EducationJudgement);
        Assert.True(welsh.EducationConcerns);
        Assert.True(irc.IcibiInvited);
        Assert.Null(Validate(Elmley()).Facts!.EducationConcerns);
    }

    [Fact]
    public void WithoutTheContactsTheyNeed_TheDebriefDocumentAndFinalReportWarnings_SayWhatWillNotBeSent()
    {
        var prison = Validate(Elmley() with { Contacts = Contacts with { Hmpps = null, MinisterialOffice = null } });
        var irc = Validate(Irc() with { Contacts = Irc().Contacts! with { Contractor = null, MinisterialOffice = null } });

        Assert.True(prison.IsValid);
        Assert.Equal(
            [("no-hmpps-contact", "contacts.hmpps", "is not given, so the debrief document will not be sent to HMPPS (prison guide 13.1)"),
             ("no-ministerial-office-contact", "contacts.ministerialOffice", "is not given, so IrpFlows will not send the final report to the Secretary of State for Justice (prison guide 14.1)")],
            prison.Warnings.Select(w => (w.Code, w.Field, w.Message)));
        Assert.Equal(["no-contractor-contact", "no-ministerial-office-contact"], irc.Warnings.Select(w => w.Code));
        Assert.Contains("Home Secretary and Minister (IRC guide 5.1)", irc.Warnings[1].Message);
    }

    [Fact]
    public void Irc_WithHmppsAsItsDebriefContact_IsAnError_NamingWhereAnIrcsDebriefGoes()
    {
        var validation = Validate(Irc() with { Contacts = Irc().Contacts! with { Hmpps = new ContactRequest("HMPPS", "hmpps@justice.gov.uk") } });

        AssertError(validation, "contacts.hmpps", "an IRC's debrief document goes to the contractor and the Home Office (IRC guide 4.3)");
    }

    [Fact]
    public void Team_NeedsKeysAndALaptop_UnlessItSaysOtherwise()
    {
        var facts = Validate(Elmley() with { Team = [new(" Angus Jones ", " Team leader ", null, null), new("Si Hussain", null, false, true)] }).Facts!;

        Assert.Equal([new TeamMember("Angus Jones", "Team leader", Keys: true, Laptop: true), new TeamMember("Si Hussain", null, Keys: false, Laptop: true)], facts.Team);
    }

    [Fact]
    public void ARecommendationHmppsRejectedOrPartlyAccepted_IsKeptSo_ForAPrisonOnly()
    {
        // Prison guide 6.1: the list "may include recommendations that were rejected or only partly accepted by HMPPS".
        var prison = Validate(Elmley() with
        {
            Recommendations = [new("1.1", null, "One") { HmppsResponse = "rejected" }, new("1.2", null, "Two") { HmppsResponse = "partlyAccepted" }, new("1.3", null, "Three")],
        }).Facts!;

        Assert.Equal([HmppsResponse.Rejected, HmppsResponse.PartlyAccepted, null], prison.Recommendations.Select(r => r.HmppsResponse));
        AssertError(Validate(Elmley() with { Recommendations = [new("1.1", null, "One") { HmppsResponse = "declined" }] }),
            "recommendations[0].hmppsResponse", "must be rejected or partlyAccepted");
        AssertError(Validate(Irc() with { Recommendations = [new("C1", null, "Concern") { HmppsResponse = "rejected" }] }),
            "recommendations[0].hmppsResponse", "is for a prison's recommendations");
    }

    [Fact]
    public void ATeamAsTheGuideDescribesIt_GivesNoWarning()
    {
        // Prison guide 2.3, 4.1: four or five, led by the source inspection's team leader.
        var validation = Validate(Elmley() with
        {
            Team = [new("Angus Jones", "Team leader", null, null, AtSourceInspection: true), new("Si Hussain", "Inspector", null, null),
                new("Jo Lee", "Inspector", null, null), new("Kim Ng", "Researcher", null, null)],
        });

        Assert.DoesNotContain(validation.Warnings, w => w.Field == "team");
    }

    [Fact]
    public void ASmallTeamLedByANewcomer_IsWarnedOf_CitingTheParagraphs_ButNotRefused()
    {
        var validation = Validate(Elmley() with { Team = [new("Angus Jones", "Team leader", null, null), new("Si Hussain", null, false, true)] });

        Assert.True(validation.IsValid);
        Assert.Equal(["no-member-from-source-inspection", "team-leader-not-from-source-inspection", "team-size"],
            validation.Warnings.Where(w => w.Field == "team").Select(w => w.Code).Order());
        Assert.Contains(validation.Warnings, w => w.Code == "team-size" && w.Message.Contains("prison guide 2.3 and 4.1 say usually four or five"));
    }

    [Fact]
    public void AnIrcTeam_CountsItsHmiPrisonsInspectors_NotTheCqcColleague_AndNeedsSomeoneFromThePreviousInspection()
    {
        // IRC guide 2.1: three to five HMI Prisons inspectors and researchers, who may be joined by a colleague from CQC.
        var team = new TeamMemberRequest[] { new("A", "Team leader", null, null), new("B", null, null, null), new("C", null, null, null),
            new("D", null, null, null), new("E", null, null, null), new("F", "Care Quality Commission inspector", null, null) };

        var validation = Validate(Irc() with { Team = [.. team] });

        Assert.DoesNotContain(validation.Warnings, w => w.Code == "team-size");
        Assert.Contains(validation.Warnings, w => w.Code == "no-member-from-source-inspection" && w.Message.Contains("IRC guide 2.1"));
        Assert.DoesNotContain(validation.Warnings, w => w.Code == "team-leader-not-from-source-inspection");
    }

    [Fact]
    public void OfstedThemes_WhenEducationWasJudgedGood_AreAWarning()
    {
        var validation = Validate(Elmley() with { EducationJudgement = "good" });

        Assert.True(validation.IsValid);
        var warning = Assert.Single(validation.Warnings);
        Assert.Equal("ofsted-themes-without-education-concern", warning.Code);
        Assert.Contains("prison guide 5.2", warning.Message);
    }

    [Fact]
    public void Irc_IsValid_WithTheHomeOfficeContact()
    {
        var validation = Validate(Irc() with { CqcIssuedNotices = true });

        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Keys));
        Assert.Equal("dec@homeoffice.gov.uk", validation.Facts!.Contacts.HomeOffice!.Email);
        Assert.True(validation.Facts.CqcIssuedNotices);
    }

    [Fact]
    public void MissingAnnouncementDate_DefaultsToToday()
    {
        var validation = Validate(Elmley() with { AnnouncementDate = null }, today: new DateOnly(2022, 12, 1));

        Assert.Equal(new DateOnly(2022, 12, 1), validation.Facts!.AnnouncementDate);
    }

    [Fact]
    public void MissingBody_IsAnError()
    {
        AssertError(Validate(null), "$", "a request body is required");
    }

    public static TheoryData<Func<CreateIrpRequest, CreateIrpRequest>, string, string> Errors => new()
    {
        { r => r with { Kind = null }, "kind", "is required" },
        { r => r with { Kind = "jail" }, "kind", "must be one of: prison, immigration" },
        { r => r with { Establishment = null }, "establishment", "is required" },
        { r => r with { Establishment = new EstablishmentRequest(" ", "adult", "england") }, "establishment.name", "is required" },
        { r => r with { Establishment = new EstablishmentRequest("HMP X", "castle", "england") }, "establishment.type", "must be one of: adult, yoi, split, irc" },
        { r => r with { Establishment = new EstablishmentRequest("HMP X", "adult", null) }, "establishment.nation", "is required" },
        { r => r with { Establishment = new EstablishmentRequest("HMP X", "irc", "england") }, "establishment.type", "cannot be irc for a prison IRP" },
        { r => r with { Kind = "immigration", Contacts = Contacts with { HomeOffice = new ContactRequest("HO", "ho@homeoffice.gov.uk") } }, "establishment.type", "must be irc for an immigration IRP" },
        { r => r with { SourceInspectionEnd = "18/03/2022" }, "sourceInspectionEnd", "must be a date in the form yyyy-MM-dd" },
        { r => r with { SourceInspectionEnd = null }, "sourceInspectionEnd", "is required" },
        { r => r with { VisitStart = "2023-02-30" }, "visitStart", "must be a date in the form yyyy-MM-dd" },
        { r => r with { AnnouncementDate = "28 Nov 2022" }, "announcementDate", "must be a date in the form yyyy-MM-dd" },
        { r => r with { VisitStart = "2023-04-10", AnnouncementDate = "2023-01-16" }, "visitStart", "must be a working day in England and Wales; 2023-04-10 is Easter Monday" },
        { r => r with { VisitStart = "2023-02-11" }, "visitStart", "must be a working day in England and Wales; 2023-02-11 is a Saturday" },
        { r => r with { VisitStart = "2022-11-28" }, "visitStart", "must be after the announcement date, 2022-11-28" },
        { r => r with { SourceInspectionEnd = "2022-11-28" }, "sourceInspectionEnd", "must be before the announcement date, 2022-11-28" },
        { r => r with { AnnouncementDate = "2023-02-06" }, "visitStart", "they would be due on 2023-02-06 (5 working days before the visit, prison guide 7.4), on or before the announcement date, 2023-02-06" },
        { r => r with { AnnouncementDate = "2023-02-01" }, "visitStart", "they would be due on 2023-02-06 (prison guide 7.4), before they are asked for on 2023-02-08" },
        { r => r with { VisitStart = "2036-01-07" }, "visitStart", "must be between 2015-01-01 and 2035-12-31, the dates the working-day calendar knows; 2036-01-07 is not" },
        { r => r with { SourceInspectionEnd = "2014-06-01" }, "sourceInspectionEnd", "must be between 2015-01-01 and 2035-12-31" },
        { r => r with { SourceInspectionEnd = "2035-01-12", AnnouncementDate = "2035-09-03", VisitStart = "2035-12-03" }, "visitStart", "gives a timeline reaching 2036-01-01, outside the working-day calendar" },
        { r => r with { Contacts = null }, "contacts", "is required" },
        { r => r with { Contacts = Contacts with { Governor = null } }, "contacts.governor", "is required" },
        { r => r with { Contacts = Contacts with { Governor = new ContactRequest("Governor", "governor.justice.gov.uk") } }, "contacts.governor.email", "must be an email address" },
        { r => r with { Contacts = Contacts with { ImbChair = new ContactRequest("Chair", "chair@imb org.uk") } }, "contacts.imbChair.email", "must be an email address" },
        { r => r with { Contacts = Contacts with { Coordinator = new ContactRequest(null, "c@x.gov.uk") } }, "contacts.coordinator.name", "is required" },
        { r => r with { Contacts = Contacts with { LiaisonOfficer = new ContactRequest("LO", "lo@") } }, "contacts.liaisonOfficer.email", "must be an email address" },
        { r => r with { Recommendations = [] }, "recommendations", "must list at least one recommendation to follow up" },
        { r => r with { Recommendations = null }, "recommendations", "must list at least one recommendation" },
        { r => r with { Recommendations = [new("1", null, "a"), new("2", null, "b"), new("", null, "c")] }, "recommendations[2].ref", "is required" },
        { r => r with { Recommendations = [new("1", null, "a"), null] }, "recommendations[1]", "is required" },
        { r => r with { Recommendations = [new("1", null, " ")] }, "recommendations[0].text", "is required" },
        { r => r with { Recommendations = [new("1.42", null, "a"), new("1.42", null, "b")] }, "recommendations[1].ref", "duplicates recommendations[0].ref ('1.42')" },
        { r => r with { OfstedThemes = [new("1.1", "theme")] }, "ofstedThemes[0].ref", "duplicates recommendations[0].ref ('1.1'); refs must be unique across recommendations, their parts and Ofsted themes" },
        { r => r with { Recommendations = [new("1.34", null, null) { Parts = [new("1.34a", "a")] }] }, "recommendations[0].parts", "must list at least two parts" },
        { r => r with { Recommendations = [new("1.34", null, null) { Parts = [new("1.34a", "a"), new("1.34b", " ")] }] }, "recommendations[0].parts[1].text", "is required" },
        { r => r with { Recommendations = [new("1.34", null, null) { Parts = [new("1.34a", "a"), null] }] }, "recommendations[0].parts[1]", "is required" },
        { r => r with { Recommendations = [new("1.34", null, null) { Parts = [new("1.34a", "a"), new("1.34", "b")] }] }, "recommendations[0].parts[1].ref", "duplicates recommendations[0].ref ('1.34')" },
        { r => r with { Recommendations = [new("1.34", null, null) { Parts = [new("1.34a", "a"), new("1.34b", "b")] }], OfstedThemes = [new("1.34b", "theme")] },
            "ofstedThemes[0].ref", "duplicates recommendations[0].parts[1].ref ('1.34b')" },
        { r => r with { OfstedThemes = [new("T1", null)] }, "ofstedThemes[0].text", "is required" },
        { r => r with { EducationJudgement = "poor" }, "educationJudgement", "must be one of: outstanding, good, requiresImprovement, inadequate" },
        { r => r with { Establishment = new EstablishmentRequest("HMP Parc", "adult", "wales"), EducationJudgement = "inadequate" }, "educationJudgement", "a Welsh prison's education is Estyn's: give educationConcerns instead (5.3)" },
        { r => r with { EducationConcerns = true }, "educationConcerns", "applies to prisons in Wales only (prison guide 5.3); for a prison in England give educationJudgement (5.2)" },
        { r => r with { Establishment = new EstablishmentRequest("HMP Parc", "adult", "wales"), EducationConcerns = false }, "educationConcerns", "is false, but ofstedThemes lists Estyn themes" },
        { r => r with { IcibiInvited = true }, "icibiInvited", "applies to immigration IRPs only (IRC guide 2.3)" },
        { r => r with { Team = [new("Angus Jones", null, null, null), new(" ", "Inspector", true, false)] }, "team[1].name", "is required" },
        { r => r with { Contacts = Contacts with { Hmpps = new ContactRequest("HMPPS", "hmpps@") } }, "contacts.hmpps.email", "must be an email address" },
        { r => r with { Contacts = Contacts with { Contractor = new ContactRequest("Serco", "serco@serco.example") } }, "contacts.contractor", "applies to immigration IRPs (IRC guide 4.3)" },
        { r => r with { Contacts = Contacts with { HomeOfficeDetentionEngagement = new ContactRequest("DEC", "dec@homeoffice.gov.uk") } }, "contacts.homeOfficeDetentionEngagement", "applies to immigration IRPs (IRC guide 5.3)" },
        { r => r with { Contacts = Contacts with { MinisterialOffice = new ContactRequest(null, "office@justice.gov.uk") } }, "contacts.ministerialOffice.name", "is required" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void InvalidRequest_NamesTheFieldAndTheRule(Func<CreateIrpRequest, CreateIrpRequest> change, string field, string message)
    {
        AssertError(Validate(change(Elmley())), field, message);
    }

    [Fact]
    public void Immigration_WithoutHomeOfficeContact_IsAnError()
    {
        AssertError(Validate(Irc() with { Contacts = Contacts }), "contacts.homeOffice", "is required for an immigration IRP (IRC guide 2.4");
    }

    [Fact]
    public void Immigration_WithoutConcerns_SaysConcerns()
    {
        AssertError(Validate(Irc() with { Recommendations = [] }), "recommendations", "must list at least one concern to follow up");
    }

    [Fact]
    public void TodayOutsideTheCalendar_WithoutAnnouncementDate_IsAnErrorNotACrash()
    {
        AssertError(Validate(Elmley() with { AnnouncementDate = null }, today: new DateOnly(2036, 2, 1)),
            "announcementDate", "defaults to today, 2036-02-01, which is not");
    }

    [Fact]
    public void MoreThanMaxRecommendations_WhenHard_IsAnError()
    {
        var request = Elmley() with { Recommendations = [.. Enumerable.Range(1, 16).Select(i => new RecommendationRequest($"{i}", null, "text"))] };

        AssertError(Validate(request, new IrpPolicy { MaxRecommendationsIsHard = true }), "recommendations",
            "must list at most 15 recommendations (prison guide 6.1); it lists 16");
    }

    [Fact]
    public void MoreThanMaxRecommendations_ByDefault_IsAWarning()
    {
        var request = Elmley() with { Recommendations = [.. Enumerable.Range(1, 16).Select(i => new RecommendationRequest($"{i}", null, "text"))] };

        var validation = Validate(request);

        Assert.True(validation.IsValid);
        var warning = Assert.Single(validation.Warnings);
        Assert.Equal(("too-many-recommendations", "recommendations"), (warning.Code, warning.Field));
        Assert.Contains("lists 16 recommendations; prison guide 6.1 says usually at most 15", warning.Message);
    }

    [Theory]
    [InlineData("2022-12-20", "announces the visit on 2023-02-13 from 2022-12-20; prison guide 6.1 says usually 2 to 3 months in advance")]
    [InlineData("2022-10-03", "announces the visit on 2023-02-13 from 2022-10-03; prison guide 6.1 says usually 2 to 3 months in advance")]
    public void NoticeOutsideTwoToThreeMonths_IsAWarning(string announcement, string message)
    {
        var validation = Validate(Elmley() with { AnnouncementDate = announcement, SourceInspectionEnd = "2022-03-01" });

        Assert.True(validation.IsValid);
        var warning = Assert.Single(validation.Warnings);
        Assert.Equal(("notice-period", "announcementDate"), (warning.Code, warning.Field));
        Assert.Equal(message, warning.Message);
    }

    [Theory]
    [InlineData("2021-12-01")] // 14 months before
    [InlineData("2022-07-01")] // 7 months before
    public void VisitOutsideEightToTwelveMonthsAfterTheSourceInspection_IsAWarning(string sourceEnd)
    {
        var validation = Validate(Elmley() with { SourceInspectionEnd = sourceEnd });

        Assert.True(validation.IsValid);
        var warning = Assert.Single(validation.Warnings);
        Assert.Equal(("source-inspection-interval", "visitStart"), (warning.Code, warning.Field));
        Assert.Equal($"is not 8 to 12 months after the source inspection ended on {sourceEnd} (prison guide 4.1)", warning.Message);
    }

    [Fact]
    public void OfstedThemesOnAnIrc_AreRefused_NamingTheField()
    {
        AssertError(Validate(Irc() with { OfstedThemes = [new OfstedThemeRequest("T1", "Theme")] }), "ofstedThemes",
            "must be empty for an immigration removal centre: Ofsted themes are followed up at prisons (prison guide 5.2), and the IRC guide has none");
    }

    [Fact]
    public void AnIrcWithMoreConcernsThanAPrisonsLimit_IsNeitherRefusedNorWarned()
    {
        // Prison guide 6.1's "no more than 15" is the prison guide's; the IRC guide sets no number of concerns.
        var request = Irc() with { Recommendations = [.. Enumerable.Range(1, 16).Select(i => new RecommendationRequest($"{i}", null, "text"))] };

        var validation = Validate(request, new IrpPolicy { MaxRecommendationsIsHard = true });

        Assert.True(validation.IsValid);
        Assert.DoesNotContain(validation.Warnings, w => w.Code == "too-many-recommendations");
    }

    [Fact]
    public void Irc_WarningsCiteTheIrcGuide()
    {
        var validation = Validate(Irc() with { AnnouncementDate = "2025-08-01", SourceInspectionEnd = "2024-06-01" });

        Assert.Contains(validation.Warnings, w => w.Code == "notice-period" && w.Message.Contains("IRC guide 2.4"));
        Assert.Contains(validation.Warnings, w => w.Code == "source-inspection-interval" && w.Message.Contains("IRC guide 2.1"));
    }

    [Fact]
    public void JsonBody_WithMalformedValues_DeserialisesAndGivesNamedErrors()
    {
        const string json = """
            { "kind": "prison", "establishment": { "name": "HMP Elmley", "type": "Adult", "nation": "scotland" },
              "sourceInspectionEnd": "2022-03-18", "visitStart": "13/02/2023", "announcementDate": "2022-11-28",
              "contacts": { "coordinator": { "name": "C", "email": "c@x.gov.uk" }, "governor": { "name": "G", "email": "nope" },
                            "imbChair": { "name": "I", "email": "i@x.org.uk" } },
              "recommendations": [ { "ref": "1.42", "area": "Behaviour management", "text": "Reduce violence" } ] }
            """;

        var request = JsonSerializer.Deserialize<CreateIrpRequest>(json, JsonSerializerOptions.Web);
        var validation = Validate(request);

        Assert.Equal(["contacts.governor.email", "establishment.nation", "visitStart"], validation.Errors.Keys.Order());
        Assert.Equal("must be one of: england, wales", Assert.Single(validation.Errors["establishment.nation"]));
    }
}
