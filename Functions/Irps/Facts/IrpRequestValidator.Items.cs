using IrpFlows.Validation;

namespace IrpFlows.Irps.Facts;

// What is followed up: recommendations (concerns) and their parts, themes, and who goes.
public static partial class IrpRequestValidator
{
    private static readonly Dictionary<string, HmppsResponse> HmppsResponses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rejected"] = HmppsResponse.Rejected, ["partlyAccepted"] = HmppsResponse.PartlyAccepted,
    };

    private static List<Recommendation> ParseRecommendations(List<RecommendationRequest?>? input, string item, IrpKind? kind, Action<string, string> error)
    {
        if (input is null || input.Count == 0)
        {
            error("recommendations", $"must list at least one {item} to follow up");
            return [];
        }

        var result = new List<Recommendation>();
        for (var i = 0; i < input.Count; i++)
        {
            var field = $"recommendations[{i}]";
            if (input[i] is not { } r)
            {
                error(field, "is required");
                continue;
            }

            var reference = TextRules.Required(r.Ref, $"{field}.ref", error);
            var parts = ParseParts(r.Parts, field, error);
            HmppsResponse? response = null;
            if (Optional(r.HmppsResponse) is { } answer)
            {
                // Prison guide 6.1 speaks of HMPPS's answer to a prison's recommendations; the IRC guide has no such list.
                if (kind == IrpKind.Immigration) error($"{field}.hmppsResponse", "is for a prison's recommendations; HMPPS does not answer an IRC's concerns");
                else if (HmppsResponses.TryGetValue(answer, out var known)) response = known;
                else error($"{field}.hmppsResponse", "must be rejected or partlyAccepted (absent: accepted)");
            }
            var text = parts is { Count: > 0 } ? Optional(r.Text) ?? "" : TextRules.Required(r.Text, $"{field}.text", error);
            if (reference is not null && text is not null && parts is not null)
            {
                result.Add(new Recommendation(reference, Optional(r.Area), text)
                {
                    Inspector = Optional(r.Inspector),
                    Concern = Optional(r.Concern),
                    HmppsResponse = response,
                    Parts = parts,
                });
            }
        }

        return result;
    }

    /// <summary>Null when a part is invalid (each error is reported); empty when the recommendation has no parts.</summary>
    private static List<RecommendationPart>? ParseParts(List<RecommendationPartRequest?>? input, string field, Action<string, string> error)
    {
        if (input is null || input.Count == 0)
        {
            return [];
        }

        if (input.Count == 1)
        {
            error($"{field}.parts", "must list at least two parts; a recommendation in one part is that part, given as its text");
            return null;
        }

        var parts = new List<RecommendationPart>();
        for (var j = 0; j < input.Count; j++)
        {
            var partField = $"{field}.parts[{j}]";
            if (input[j] is not { } p)
            {
                error(partField, "is required");
                continue;
            }

            var reference = TextRules.Required(p.Ref, $"{partField}.ref", error);
            var text = TextRules.Required(p.Text, $"{partField}.text", error);
            if (reference is not null && text is not null)
            {
                parts.Add(new RecommendationPart(reference, text));
            }
        }

        return parts.Count == input.Count ? parts : null;
    }

    private static List<OfstedTheme> ParseThemes(List<OfstedThemeRequest?>? input, Action<string, string> error)
    {
        var result = new List<OfstedTheme>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var field = $"ofstedThemes[{i}]";
            if (input![i] is not { } t)
            {
                error(field, "is required");
                continue;
            }

            // HMP Hull's 2022 report lists its themes without refs; such a theme is numbered for its judgement.
            var text = TextRules.Required(t.Text, $"{field}.text", error);
            if (text is not null)
            {
                result.Add(string.IsNullOrWhiteSpace(t.Ref)
                    ? new OfstedTheme(OfstedTheme.NumberedRef(i), text) { RefGiven = false }
                    : new OfstedTheme(t.Ref.Trim(), text));
            }
        }

        return result;
    }

    private static List<TeamMember> ParseTeam(List<TeamMemberRequest?>? input, Action<string, string> error)
    {
        var team = new List<TeamMember>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var field = $"team[{i}]";
            if (input![i] is not { } member)
            {
                error(field, "is required");
                continue;
            }

            if (TextRules.Required(member.Name, $"{field}.name", error) is { } name)
            {
                team.Add(new TeamMember(name, Optional(member.Role), member.Keys ?? true, member.Laptop ?? true) { AtSourceInspection = member.AtSourceInspection ?? false });
            }
        }

        return team;
    }

    /// <summary>
    /// Judgements are recorded by ref (PUT /api/irps/{id}/judgements/{ref}), so refs are unique across recommendations, their
    /// parts and the themes.
    /// </summary>
    private static void CheckUniqueRefs(CreateIrpRequest request, Action<string, string> error)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var refs = (request.Recommendations ?? []).SelectMany((r, i) =>
                new[] { (r?.Ref, Field: $"recommendations[{i}].ref") }
                    .Concat((r?.Parts ?? []).Select((p, j) => (p?.Ref, Field: $"recommendations[{i}].parts[{j}].ref"))))
            .Concat((request.OfstedThemes ?? []).Select((t, i) => (string.IsNullOrWhiteSpace(t?.Ref) ? (string?)OfstedTheme.NumberedRef(i) : t!.Ref, Field: $"ofstedThemes[{i}].ref")));
        foreach (var (reference, field) in refs)
        {
            if (string.IsNullOrWhiteSpace(reference))
            {
                continue;
            }

            if (!seen.TryAdd(reference.Trim(), field))
            {
                error(field, $"duplicates {seen[reference.Trim()]} ('{reference.Trim()}'); refs must be unique across recommendations, their parts and Ofsted themes");
            }
        }
    }
}
