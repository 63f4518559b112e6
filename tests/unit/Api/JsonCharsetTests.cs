using System.Net;
using System.Text;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// A JSON body is read as UTF-8 unless its Content-Type names another charset; a charset nothing can decode answers
/// 415 however the header spells it, and moves no money.
/// </summary>
public sealed class JsonCharsetTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("application/json; CHARSET=\"klingon\"")]
    [InlineData("application/json;charset=klingon")]
    public async Task Usage_UnknownCharsetHoweverSpelled_Answers415AndDebitsNothing(string contentType)
    {
        var (agency, subAccount) = await FundedSubAccountAsync();

        var response = await agency.Client.SendAsync(Usage(subAccount, contentType), Ct);

        await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        (await agency.PoolBalanceAsync()).ShouldBe(100);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("APPLICATION/JSON; CHARSET=UTF-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    [InlineData("application/json; charset=\"UTF-8\"; q=1")]
    public async Task Usage_Utf8OrNoCharset_IsDebited(string contentType)
    {
        var (agency, subAccount) = await FundedSubAccountAsync();

        var response = await agency.Client.SendAsync(Usage(subAccount, contentType), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await agency.PoolBalanceAsync()).ShouldBe(97);
    }

    private async Task<(TestAgency Agency, string SubAccount)> FundedSubAccountAsync()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        return (agency, await agency.CreateSubAccountAsync());
    }

    private static HttpRequestMessage Usage(string subAccount, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"credits":3,"description":"reply"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType).ShouldBeTrue();
        return new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sub-accounts/{subAccount}/usage") { Content = content };
    }
}
