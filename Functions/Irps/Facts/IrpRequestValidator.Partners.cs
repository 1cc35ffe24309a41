using IrpFlows.Calendar;

namespace IrpFlows.Irps.Facts;

// The facts that decide which partners join (prison guide 5.1-5.3, IRC guide 2.2-2.3).
public static partial class IrpRequestValidator
{
    /// <summary>
    /// The facts that decide which partners join (prison guide 5.2, 5.3; IRC guide 2.3), each refused where the guides give it
    /// no meaning, so a request cannot say Ofsted judged a Welsh prison or invite ICIBI to a prison. Returns the education judgement.
    /// </summary>
    private static EducationJudgement? CheckPartnerFacts(CreateIrpRequest request, IrpKind? kind, Establishment? establishment,
        IReadOnlyList<OfstedTheme> themes, Action<string, string> error, List<IrpWarning> warnings)
    {
        var prison = kind == IrpKind.Prison;
        var wales = establishment?.Nation == Nation.Wales;
        EducationJudgement? education = null;
        if (request.EducationJudgement is not null)
        {
            education = ParseChoice(request.EducationJudgement, "educationJudgement", EducationJudgementNames, error);
            if (kind == IrpKind.Immigration)
            {
                error("educationJudgement", "applies to prisons only: Ofsted's judgement of education, skills and work (prison guide 5.2)");
            }
            else if (prison && wales)
            {
                error("educationJudgement", "is Ofsted's judgement of a prison in England (prison guide 5.2); a Welsh prison's education is Estyn's: give educationConcerns instead (5.3)");
            }
        }

        if (request.EducationConcerns is { } concerns)
        {
            if (kind == IrpKind.Immigration)
            {
                error("educationConcerns", "applies to prisons in Wales only (prison guide 5.3)");
            }
            else if (prison && !wales)
            {
                error("educationConcerns", "applies to prisons in Wales only (prison guide 5.3); for a prison in England give educationJudgement (5.2)");
            }
            else if (prison && !concerns && themes.Count > 0)
            {
                error("educationConcerns", "is false, but ofstedThemes lists Estyn themes: Estyn takes part only where there are key concerns and recommendations about education, skills and work (prison guide 5.3)");
            }
        }

        if (request.IcibiInvited == true && prison)
        {
            error("icibiInvited", "applies to immigration IRPs only (IRC guide 2.3)");
        }

        if (prison && !wales && themes.Count > 0 && education is EducationJudgement.Good or EducationJudgement.Outstanding)
        {
            warnings.Add(new IrpWarning("ofsted-themes-without-education-concern", "ofstedThemes",
                $"lists Ofsted themes although education, skills and work was judged {(education == EducationJudgement.Good ? "good" : "outstanding")}; prison guide 5.2 says Ofsted takes part when it was inadequate or requires improvement"));
        }

        return education;
    }

    private static readonly Dictionary<string, EducationJudgement> EducationJudgementNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["outstanding"] = EducationJudgement.Outstanding, ["good"] = EducationJudgement.Good,
        ["requiresImprovement"] = EducationJudgement.RequiresImprovement, ["inadequate"] = EducationJudgement.Inadequate,
    };
}
