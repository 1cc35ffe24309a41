using IrpFlows.Validation;
using Microsoft.AspNetCore.Http.Features;

namespace IrpFlows.Pages;

/// <summary>Why a posted form was not read: the status to answer (413 over a limit, 400 malformed) and what to tell the person.</summary>
public sealed record FormNotRead(int Status, string Message);

/// <summary>
/// Reads the forms people post to the app's pages (the coordinator pages, the fact-check page, the local sign-in stand-in),
/// with limits computed from the largest form the app renders rather than ASP.NET Core's defaults, whose 1,024 values an
/// IRP page with a few hundred items already passes. The limits are given with every read, so the Functions host (ASP.NET
/// Core integration) and the local host read alike. A form over them, or one that cannot be parsed, is refused with 413 or
/// 400, never thrown as a 500.
/// </summary>
public static class PageForms
{
    /// <summary>
    /// The IRP page's judgements form is the largest: a ref, a judgement and a written judgement for each of
    /// <see cref="Limits.JudgedItems"/>, and the anti-forgery token. Every other form has a few dozen fields.
    /// </summary>
    public const int MaxValues = 3 * Limits.JudgedItems + 1;

    /// <summary>Room for every field name the forms use; the longest, <c>contacts.liaisonOfficer.email</c>, has 29 characters.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>
    /// The longest value: the new IRP form's recommendations box, one line per recommendation ("ref | area | text", with
    /// room for the separators and line break). Every other value is one text field's.
    /// </summary>
    public const int MaxValueLength = Limits.Recommendations * (Limits.Ref + Limits.Name + Limits.Prose + 8);

    private static readonly FormOptions Options = new()
    {
        ValueCountLimit = MaxValues,
        KeyLengthLimit = MaxKeyLength,
        ValueLengthLimit = MaxValueLength,
    };

    /// <summary>
    /// The posted form, or why it was not read; (null, null) when the request carries no form at all (the caller decides
    /// what that means). Over a limit (too many values, a name or value too long, a body over the host's size limit): 413.
    /// Malformed (a multipart body cut short or without its boundary): 400.
    /// </summary>
    public static async Task<(IFormCollection? Form, FormNotRead? NotRead)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (null, null);
        try
        {
            return (await request.ReadFormAsync(Options, ct), null);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (the request body's size) and a body that ended early.
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(e.Message) : Malformed());
        }
        // ASP.NET Core's form and multipart readers word every limit they enforce "… limit N exceeded."
        catch (InvalidDataException e) when (e.Message.Contains(" limit ", StringComparison.Ordinal) && e.Message.Contains("exceeded", StringComparison.Ordinal))
        {
            return (null, TooLarge(e.Message));
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            return (null, Malformed());
        }
    }

    private static FormNotRead TooLarge(string limit) => new(StatusCodes.Status413PayloadTooLarge,
        $"The form is larger than any form of IrpFlows ({limit.TrimEnd('.')}). Nothing was changed.");

    private static FormNotRead Malformed() => new(StatusCodes.Status400BadRequest,
        "The form could not be read: its body is incomplete or not a form. Nothing was changed.");
}
