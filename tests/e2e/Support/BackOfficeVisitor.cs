using System.Net;
using System.Text.RegularExpressions;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>
/// A person's browser without the rendering: one cookie jar across every node it visits (cookies do not care about
/// ports), no automatic redirects, and forms posted with the page's antiforgery token.
/// </summary>
public sealed partial class BackOfficeVisitor : IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await client.GetAsync(url, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Posts the form found on <paramref name="pageUrl"/> to <paramref name="action"/>, with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var (_, html) = await GetAsync(pageUrl);
        var token = CsrfToken().Match(html);
        token.Success.ShouldBeTrue($"{pageUrl} has no antiforgery field:\n{html}");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__csrf", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(action, new FormUrlEncodedContent(form), Ct);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
