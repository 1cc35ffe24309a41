using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IrpFlows.Documents;

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

    public Person? Read(HttpRequest request)
    {
        if (!Trusted) return null;
        var name = request.Headers[PrincipalNameHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(name)) name = NameClaim(request.Headers[PrincipalHeader].FirstOrDefault());
        return string.IsNullOrWhiteSpace(name) ? null : new Person(name.Trim());
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
/// HttpOnly, SameSite=Strict cookie, and in each form an HMAC of that value and the signed-in person, keyed with (a hash of) the upload
/// links' signing key, so there is no other secret to manage. A post from elsewhere carries neither the value (it cannot read the cookie) nor the HMAC.
/// </summary>
public sealed class FormTokens(IConfiguration configuration)
{
    public const string CookieName = "irpflows-form";
    public const string FieldName = "__form";

    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("irpflows-form-token\n" + configuration[UploadTokens.SigningKeySetting]));

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
        return Sign(secret, person);
    }

    /// <summary>Whether the posted form carries the token for this visitor's cookie and this person.</summary>
    public bool IsValid(HttpRequest request, IFormCollection form, Person person)
    {
        var secret = request.Cookies[CookieName];
        var given = form[FieldName].FirstOrDefault();
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(given)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, person)), Encoding.ASCII.GetBytes(given));
    }

    private string Sign(string secret, Person person) =>
        Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret + "\n" + person.Name)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
