using System.Text;
using IrpFlows.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace IrpFlows.Tests.Pages;

public sealed class CoordinatorSignInTests
{
    [Fact]
    public void SignInHeaders_AreIgnored_UnlessAppServiceAuthenticationIsOn_OrTheLocalHostSetThem()
    {
        var request = Request(name: "Mallory");

        Assert.Null(SignIn().Read(request));
        Assert.Null(SignIn((CoordinatorSignIn.AppServiceAuthSetting, "False")).Read(request));
        Assert.Equal(new Person("Mallory"), SignIn((CoordinatorSignIn.AppServiceAuthSetting, "True")).Read(request));
        Assert.Equal(new Person("Mallory"), SignIn((CoordinatorSignIn.LocalSignInSetting, "true")).Read(request));
    }

    [Fact]
    public void WithoutTheNameHeader_ThePrincipalsNameClaimNamesThePerson_AndAnUnreadablePrincipalNobody()
    {
        var signIn = SignIn((CoordinatorSignIn.AppServiceAuthSetting, "true"));
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"cora@justice.gov.uk"},{"typ":"name","val":"Cora Ordinator"}]}"""));

        Assert.Equal(new Person("Cora Ordinator"), signIn.Read(Request(principal: principal)));
        Assert.Null(signIn.Read(Request(principal: "not base64!")));
        Assert.Null(signIn.Read(Request()));
    }

    [Fact]
    public void Challenge_SendsToSignIn_AndBackToThePageAsked()
    {
        var request = Request();
        request.Path = "/irps/abc";
        request.QueryString = new QueryString("?done=started");

        var result = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult>(CoordinatorSignIn.Challenge(request));

        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Firps%2Fabc%3Fdone%3Dstarted", result.Url);
    }

    private static CoordinatorSignIn SignIn(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    private static HttpRequest Request(string? name = null, string? principal = null)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        if (name is not null) request.Headers[CoordinatorSignIn.PrincipalNameHeader] = name;
        if (principal is not null) request.Headers[CoordinatorSignIn.PrincipalHeader] = principal;
        return request;
    }
}
