using System.Net;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// <c>ResellerKit:SignInAttemptsPerAddress</c>: an office whose people share one public address raises the per-address
/// budget; each email address still has its own 5 password attempts a minute.
/// </summary>
public sealed class SignInAttemptsPerAddressTests(OfficeApi api) : IClassFixture<OfficeApi>
{
    [Fact]
    public async Task SignIn_FromOneAddressWithARaisedBudget_AllowsTwelvePeopleButStillLimitsEachAccount()
    {
        var backOffice = Browser.Open(api);

        var people = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            people.Add(await backOffice.SubmitAsync("/admin/login", "/admin/login",
                ("_handler", "login"), ("Input.Email", $"person{i}@office.example"), ("Input.Password", "wrong-password-1")));
        }
        var sameAccount = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            sameAccount.Add(await backOffice.SubmitAsync("/admin/login", "/admin/login",
                ("_handler", "login"), ("Input.Email", "guesser@office.example"), ("Input.Password", "wrong-password-1")));
        }

        people.ShouldAllBe(r => r.StatusCode != HttpStatusCode.TooManyRequests, "twelve people behind one address, under a budget of 20");
        sameAccount.Take(5).ShouldAllBe(r => r.StatusCode != HttpStatusCode.TooManyRequests);
        sameAccount[5].StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the sixth password for one email address in a minute");
    }
}

/// <summary>An install whose sign-in forms take 20 attempts a minute from one address.</summary>
public sealed class OfficeApi() : ApiFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["ResellerKit:SignInAttemptsPerAddress"] = "20",
    };
}
