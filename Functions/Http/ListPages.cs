using System.Globalization;
using IrpFlows.Workflow;
using Microsoft.AspNetCore.WebUtilities;

namespace IrpFlows.Http;

/// <summary>
/// The query of a list (<c>GET /api/irps</c>, <c>GET /api/probation-inspections</c>) and its answer: without <c>top</c> or
/// <c>continuation</c> every instance, as the list always answered; with them a page, whose next page is the
/// <c>Link: &lt;…&gt;; rel="next"</c> header. The body is the same array either way.
/// </summary>
public static class ListPages
{
    public const int MaxTop = 500;
    /// <summary>The page size when a continuation comes without <c>top</c>.</summary>
    public const int DefaultTop = 100;
    // Years the working-day calendar could ever plan: a wider year is a typing slip, not a question.
    private const int FirstYear = 2000, LastYear = 2100;

    /// <summary>The query the request asks for, or a 400 naming the parameter that cannot be read.</summary>
    /// <param name="categories">The values <c>kind</c> may take; null when the list has no such filter.</param>
    public static (InstanceQuery? Query, IResult? Problem) Read(HttpRequest request, IReadOnlyCollection<string>? categories)
    {
        var query = request.Query;
        int? top = null, year = null;
        RuntimeStatus? status = null;
        string? category = null;
        if (query["top"].FirstOrDefault() is { } topText)
        {
            if (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t < 1 || t > MaxTop)
                return (null, Problems.Validation("top", $"must be a whole number from 1 to {MaxTop}: how many to list at once."));
            top = t;
        }
        if (query["year"].FirstOrDefault() is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < FirstYear || y > LastYear)
                return (null, Problems.Validation("year", $"must be a year from {FirstYear} to {LastYear}, such as 2027."));
            year = y;
        }
        if (query["status"].FirstOrDefault() is { } statusText)
        {
            if (!Enum.TryParse<RuntimeStatus>(statusText, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(statusText, out _))
                return (null, Problems.Validation("status", $"must be one of {string.Join(", ", Enum.GetNames<RuntimeStatus>())}."));
            status = s;
        }
        if (query["kind"].FirstOrDefault() is { } kindText)
        {
            if (categories is null || !categories.Contains(kindText.ToLowerInvariant()))
                return (null, Problems.Validation("kind", categories is null ? "is not a filter of this list." : $"must be one of {string.Join(", ", categories)}."));
            category = kindText.ToLowerInvariant();
        }
        var continuation = query["continuation"].FirstOrDefault();
        // A continuation alone pages as its first page did.
        if (continuation is not null && top is null) top = DefaultTop;
        return (new InstanceQuery(year, status, category, top, continuation), null);
    }

    /// <summary>The items, with a link to the next page when there is one.</summary>
    public static IResult Answer<T>(HttpRequest request, ListPage<T> page)
    {
        if (page.Continuation is { } next)
        {
            var parameters = request.Query.Where(p => p.Key != "continuation").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
            parameters["continuation"] = next;
            request.HttpContext.Response.Headers.Link = $"<{QueryHelpers.AddQueryString(request.Path, parameters)}>; rel=\"next\"";
        }
        return TypedResults.Ok(page.Items);
    }
}
