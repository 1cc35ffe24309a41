using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IrpFlows.Validation;

namespace IrpFlows.Pages;

/// <summary>A coordinator signed in to the pages; <see cref="Name"/> is what the history records.</summary>
public sealed record Person(string Name);

/// <summary>
/// Who is signed in, from the headers App Service Authentication sets (<c>X-MS-CLIENT-PRINCIPAL-NAME</c>, and
/// <c>X-MS-CLIENT-PRINCIPAL</c>: base64 JSON claims). Trusted only where something strips those headers from what a
/// visitor sends: App Service with authentication on (it sets <c>WEBSITE_AUTH_ENABLED</c>), or the local host, whose
/// sign-in stand-in sets them (setting <see cref="LocalSignInSetting"/>). Anywhere else nobody is signed in.
/// </summary>
public sealed class CoordinatorSignIn(IConfiguration configuration)
{
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string AppServiceAuthSetting = "WEBSITE_AUTH_ENABLED";
    public const string LocalSignInSetting = "LocalSignIn";
    /// <summary>Where App Service Authentication (and the local stand-in) signs people in with Entra ID.</summary>
    public const string SignInPath = "/.auth/login/aad";

    private bool Trusted =>
        string.Equals(configuration[AppServiceAuthSetting], "true", StringComparison.OrdinalIgnoreCase)
        || configuration.GetValue<bool>(LocalSignInSetting);

    /// <summary>
    /// The rule a signed-in person's name keeps, as every name a request gives does (<see cref="Limits.Name"/>, one line, no
    /// bidirectional formatting): it is recorded in the history of everything the person does, and shown on every page.
    /// </summary>
    public static readonly TextAttribute NameRule = new(Limits.Name);

    /// <summary>
    /// The person the sign-in headers name, or null: nobody is signed in, or the name breaks <see cref="NameRule"/>. Such a
    /// name is never recorded; Entra ID does not give one, so only a stand-in or a forged header could (the local stand-in
    /// refuses it at sign-in with the rule's words).
    /// </summary>
    public Person? Read(HttpRequest request)
    {
        if (!Trusted) return null;
        var name = request.Headers[PrincipalNameHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(name)) name = NameClaim(request.Headers[PrincipalHeader].FirstOrDefault());
        name = name?.Trim();
        return string.IsNullOrEmpty(name) || NameRule.Broken(name) is not null ? null : new Person(name);
    }

    /// <summary>Sends a visitor who is not signed in to sign in, and back to this page afterwards; shows no data.</summary>
    public static IResult Challenge(HttpRequest request)
    {
        var back = request.Method == HttpMethods.Get ? request.Path + request.QueryString : "/";
        return Results.Redirect($"{SignInPath}?post_login_redirect_uri={Uri.EscapeDataString(back)}");
    }

    // The principal's "name" claim (the person's display name), else its preferred user name. Anything not shaped as App
    // Service writes it (a root that is not an object, a claim that is not one, a type or value that is not a string) is
    // not a principal: nobody is signed in.
    private static string? NameClaim(string? principal)
    {
        if (string.IsNullOrEmpty(principal)) return null;
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(principal));
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return null;
            string? Claim(string type) => claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && Text(c, "typ") == type)
                .Select(c => Text(c, "val")).FirstOrDefault(v => v is not null);
            return Claim("name") ?? Claim("preferred_username");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null; // not a principal App Service wrote: nobody is signed in
        }
    }

    private static string? Text(JsonElement claim, string property) =>
        claim.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// Protects the pages' forms against cross-site request forgery with a signed double-submit token: a random value in an
/// HttpOnly, SameSite=Strict cookie, and in each form the time it was issued and an HMAC of that value, the signed-in person
/// and that time, keyed with (a hash of) <c>signingKey</c>, which registration gives as the upload links' signing key, so
/// there is no other secret to manage. A post from elsewhere carries neither the value (it cannot read the cookie) nor the
/// HMAC; a form kept open past <see cref="Lifetime"/> is refused, as the refusal page says, and the page opened again gives
/// a fresh one.
/// </summary>
public sealed class FormTokens(string? signingKey, TimeProvider time)
{
    public const string CookieName = "irpflows-form";
    public const string FieldName = "__form";

    /// <summary>
    /// How long a page's forms stay good: a coordinator opens an IRP in the morning and records judgements through the
    /// working day, so a working day with room to spare; a token copied out of a page is no use the next day.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("irpflows-form-token\n" + signingKey));

    /// <summary>The token for the forms of the page being rendered, setting the cookie when the visitor has none.</summary>
    public string Issue(HttpContext context, Person person)
    {
        var secret = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(secret) || secret.Length > 64)
        {
            secret = Base64Url(RandomNumberGenerator.GetBytes(32));
            context.Response.Cookies.Append(CookieName, secret, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/", IsEssential = true,
            });
        }
        var issued = time.GetUtcNow().ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"{issued}.{Sign(secret, person, issued)}");
    }

    /// <summary>Whether the posted form carries a token for this visitor's cookie and this person, issued less than <see cref="Lifetime"/> ago.</summary>
    public bool IsValid(HttpRequest request, IFormCollection form, Person person)
    {
        var secret = request.Cookies[CookieName];
        var given = form[FieldName].FirstOrDefault();
        if (string.IsNullOrEmpty(secret) || given?.Split('.') is not [var issuedText, var signature]
            || !long.TryParse(issuedText, NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
            return false;
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(issued, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        // A token from the future was not issued by this app (the clock only moves forward).
        return age >= TimeSpan.Zero && age <= Lifetime
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, person, issued)), Encoding.ASCII.GetBytes(signature));
    }

    private string Sign(string secret, Person person, long issued) =>
        Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{secret}\n{person.Name}\n{issued}"))));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
