using System.Text.RegularExpressions;
using IrpFlows.Validation;

namespace IrpFlows.Mail;

/// <summary>Someone an inspection writes to.</summary>
public sealed record Contact(string Name, string Email);

/// <summary>A contact as a request gives it: both parts required, checked by <see cref="Contacts.Parse"/>.</summary>
public sealed record ContactRequest([property: Text(Limits.Name, Name = true)] string? Name, [property: Text(Limits.Email)] string? Email);

public static partial class Contacts
{
    /// <summary>The contact at <paramref name="field"/>, or null with its errors reported (a missing one is an error only when <paramref name="required"/>).</summary>
    public static Contact? Parse(ContactRequest? input, string field, bool required, Action<string, string> error)
    {
        if (input is null)
        {
            if (required)
            {
                error(field, "is required");
            }

            return null;
        }

        var name = TextRules.Required(input.Name, $"{field}.name", error);
        var email = TextRules.Required(input.Email, $"{field}.email", error);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            error($"{field}.email", "must be an email address like name@example.gov.uk");
            return null;
        }

        return name is null || email is null ? null : new Contact(name, email);
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
