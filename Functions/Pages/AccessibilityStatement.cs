namespace IrpFlows.Pages;

/// <summary>
/// The accessibility statement every page's footer links to, on GOV.UK's model statement: what was tested and how, what is
/// known not to work, how to report a problem, and the enforcement procedure. It says only what the tests show.
/// </summary>
public static class AccessibilityStatement
{
    public const string Path = "/accessibility";

    /// <summary>When the statement was last reviewed: change it with what it says.</summary>
    public static readonly DateOnly Reviewed = new(2026, 12, 7);

    public static Html Render() => PageLayout.Frame("Accessibility statement", "IrpFlows", PageLayout.Header("HMI Prisons and HMI Probation"), Html.Of($"""
        <h1 class="govuk-heading-l">Accessibility statement for IrpFlows</h1>
        <p class="govuk-body">This statement applies to IrpFlows: the pages coordinators of HM Inspectorate of Prisons and HM Inspectorate
        of Probation use to run independent reviews of progress and probation inspections, and the pages establishments and
        providers open from the links we email them (uploading documents, fact-check comments and feedback).</p>
        <p class="govuk-body">The pages are built with the GOV.UK Design System and the MOJ Design System. You should be able to:</p>
        <ul class="govuk-list govuk-list--bullet">
        <li>use every page without JavaScript, except choosing and uploading files on the upload page (see below)</li>
        <li>find every field by its label; when a form is refused, its errors are listed at the top of the page, each linking to its field, and shown beside the field</li>
        </ul>

        <h2 class="govuk-heading-m">How accessible IrpFlows is</h2>
        <p class="govuk-body">We know some parts are not fully accessible:</p>
        <ul class="govuk-list govuk-list--bullet">
        <li>on the upload page, files can only be uploaded with JavaScript turned on; without it, the page says whom to email the documents to</li>
        <li>the programme's year view and the judgements' pie charts are images; the same information is in the tables beside them</li>
        <li>emails are shown as their plain text</li>
        </ul>

        <h2 class="govuk-heading-m">Reporting accessibility problems</h2>
        <p class="govuk-body">If you find a problem not listed here, or think we are not meeting accessibility requirements, contact the
        coordinating inspector who wrote to you, or the person who runs IrpFlows in your inspectorate. Say which page and what
        happened; we will reply within 5 working days.</p>

        <h2 class="govuk-heading-m">Enforcement procedure</h2>
        <p class="govuk-body">The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
        (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you are
        not happy with how we respond to your complaint,
        <a class="govuk-link" href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>.</p>

        <h2 class="govuk-heading-m">Technical information about this service’s accessibility</h2>
        <p class="govuk-body">HM Inspectorate of Prisons and HM Inspectorate of Probation are committed to making IrpFlows accessible,
        in accordance with the accessibility regulations.</p>
        <h3 class="govuk-heading-s">Compliance status</h3>
        <p class="govuk-body">IrpFlows is partially compliant with the <a class="govuk-link" href="https://www.w3.org/TR/WCAG22/">Web
        Content Accessibility Guidelines version 2.2</a> AA standard, because of the things listed above.</p>

        <h2 class="govuk-heading-m">How we tested IrpFlows</h2>
        <p class="govuk-body">Every build tests the pages automatically in Chromium: axe (WCAG 2.2 A and AA rules) checks each page,
        including pages showing errors. A test with the keyboard alone walks the main journeys (signing in, starting an IRP,
        recording what happened on its page, uploading a document from an emailed link), checking where each key puts the
        focus and that the focus can be seen. Other forms have not yet been tested with the keyboard alone, and the service
        has not yet been audited by people using assistive technologies.</p>

        <h2 class="govuk-heading-m">Preparation of this accessibility statement</h2>
        <p class="govuk-body">This statement was prepared on {Reviewed.ToString("d MMMM yyyy", PageLayout.English)}. It was last reviewed on
        {Reviewed.ToString("d MMMM yyyy", PageLayout.English)}.</p>
        """));
}
