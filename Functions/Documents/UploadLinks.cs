

namespace IrpFlows.Documents;

/// <summary>
/// The upload links of an IRP. The documents link, <c>{PublicBaseUrl}/upload/{token}</c>, expires at the end of the documents deadline
/// (midnight after that day in England) plus <see cref="DocumentsOptions.UploadGracePeriod"/>, so late documents can
/// still arrive. A function of the IRP id and the deadline only: the same IRP state always gives the same link.
/// </summary>
public sealed class UploadLinks(UploadTokens tokens, DocumentsOptions options, TimeZoneInfo zone, Uri publicBaseUrl)
{
    public const string PublicBaseUrlSetting = "PublicBaseUrl";
    public const string DefaultPublicBaseUrl = "http://localhost:7071";

    /// <summary>Where the app is reached from outside; links in emails start with it.</summary>
    public Uri PublicBaseUrl { get; } = publicBaseUrl;

    public Uri For(string irpId, DateOnly documentsDeadline) =>
        new(PublicBaseUrl, "upload/" + tokens.Sign(new UploadTokenPayload(irpId, UploadTokenPayload.DocumentsPurpose, ExpiresOn(documentsDeadline))));

    /// <summary>
    /// The fact-check comments link, <c>{PublicBaseUrl}/fact-check/{token}</c>, valid until <paramref name="expiresOn"/>
    /// (the draft link's expiry, so both links in the email stop working together). Same arguments, same link.
    /// </summary>
    public Uri ForFactCheck(string irpId, DateTimeOffset expiresOn) =>
        new(PublicBaseUrl, "fact-check/" + FactCheckToken(irpId, expiresOn));

    /// <summary>
    /// The draft report link, <c>{PublicBaseUrl}/fact-check/{token}/draft</c>: the fact-check page's token, so it works as long
    /// as that page. The app answers it with a short-lived read link to the current draft; a link to storage itself could
    /// not last that long without the account key (a user-delegation SAS lives at most seven days).
    /// </summary>
    public Uri ForFactCheckDraft(string irpId, DateTimeOffset expiresOn) =>
        new(PublicBaseUrl, $"fact-check/{FactCheckToken(irpId, expiresOn)}/draft");

    /// <summary>
    /// The final report link for the ministerial office, <c>{PublicBaseUrl}/final-report/{token}</c>, valid until
    /// <paramref name="expiresOn"/>. The app answers it with a short-lived read link, for the same reason as the draft's.
    /// </summary>
    public Uri ForFinalReport(string irpId, DateTimeOffset expiresOn) =>
        new(PublicBaseUrl, "final-report/" + tokens.Sign(new UploadTokenPayload(irpId, UploadTokenPayload.FinalReportPurpose, expiresOn)));

    /// <summary>
    /// A probation inspection's draft or final report, <c>{PublicBaseUrl}/probation-reports/{draft|final}/{token}</c>, valid until
    /// <paramref name="expiresOn"/>. The app answers it with a short-lived read link, as for an IRP's reports.
    /// </summary>
    public Uri ForProbationReport(string instanceId, bool final, DateTimeOffset expiresOn) =>
        new(PublicBaseUrl, (final ? "probation-reports/final/" : "probation-reports/draft/")
            + tokens.Sign(new UploadTokenPayload(instanceId, final ? UploadTokenPayload.FinalReportPurpose : UploadTokenPayload.DraftReportPurpose, expiresOn)));

    /// <summary>
    /// The feedback form's link, <c>{PublicBaseUrl}/feedback/{token}</c>, valid until the end of <paramref name="lastDay"/> in
    /// England. Same arguments, same link.
    /// </summary>
    public Uri ForFeedback(string irpId, DateOnly lastDay) =>
        new(PublicBaseUrl, "feedback/" + tokens.Sign(new UploadTokenPayload(irpId, UploadTokenPayload.FeedbackPurpose, EndOf(lastDay))));

    private string FactCheckToken(string irpId, DateTimeOffset expiresOn) =>
        tokens.Sign(new UploadTokenPayload(irpId, UploadTokenPayload.FactCheckPurpose, expiresOn));

    /// <summary>The end of <paramref name="documentsDeadline"/> in England, plus the grace period.</summary>
    public DateTimeOffset ExpiresOn(DateOnly documentsDeadline) => EndOf(documentsDeadline) + options.UploadGracePeriod;

    /// <summary>Midnight after <paramref name="day"/> in England.</summary>
    public DateTimeOffset EndOf(DateOnly day)
    {
        var midnightAfter = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnightAfter, zone.GetUtcOffset(midnightAfter));
    }

    /// <summary>Reads <see cref="PublicBaseUrlSetting"/>, defaulting to the local Functions address.</summary>
    /// <exception cref="InvalidOperationException">The setting is not an absolute http(s) URL.</exception>
    public static Uri ReadPublicBaseUrl(IConfiguration configuration)
    {
        var text = configuration[PublicBaseUrlSetting] is { Length: > 0 } set ? set : DefaultPublicBaseUrl;
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"The setting {PublicBaseUrlSetting} must be the absolute http(s) address the app is reached at, e.g. {DefaultPublicBaseUrl}.");
        return uri;
    }
}
