using System.Net;
using System.Text.RegularExpressions;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>
/// A cookie-keeping client that fills in forms the way a browser does: it reads the page, takes its antiforgery
/// field, and posts. For server-rendered pages whose Chromium journeys live in tests/e2e.
/// </summary>
public sealed partial class Browser(HttpClient client)
{
    private readonly List<string> setCookies = [];

    public HttpClient Client => client;

    /// <summary>Every Set-Cookie header this browser's pages and forms answered with, as sent.</summary>
    public IReadOnlyList<string> SetCookies => setCookies;

    public static Browser Open(ApiFixture api, string? host = null)
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        if (host is not null)
        {
            client.DefaultRequestHeaders.Host = host;
        }
        return new Browser(client);
    }

    /// <summary>A visitor of an agency's storefront, on the storefront's own host (<c>{slug}.resellerkit.test</c> in the tests).</summary>
    public static Browser Storefront(ApiFixture api, string slug) =>
        new(api.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = api.StorefrontAddress(slug) }));

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await client.GetAsync(url, Ct);
        Remember(response);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Opens <paramref name="url"/> and follows its redirects on this host, as a browser does, keeping the cookies they set.</summary>
    public async Task<(HttpStatusCode Status, string Html)> FollowAsync(string url)
    {
        var response = await client.GetAsync(url, Ct);
        Remember(response);
        for (var hops = 0; hops < 5 && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next; hops++)
        {
            response = await client.GetAsync(next, Ct);
            Remember(response);
        }
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Posts a form found on <paramref name="pageUrl"/> to <paramref name="action"/>, with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var (_, html) = await GetAsync(pageUrl);
        var token = CsrfToken().Match(html);
        token.Success.ShouldBeTrue($"{pageUrl} has no antiforgery field");
        // A storefront page shared between visitors has an empty field; its script asks /form-token, and so does this.
        var value = token.Groups[1].Value is { Length: > 0 } inPage ? WebUtility.HtmlDecode(inPage) : await FormTokenAsync();
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__csrf", value));
        var response = await client.PostAsync(action, new FormUrlEncodedContent(form), Ct);
        Remember(response);
        return response;
    }

    /// <summary>
    /// Presses the one button of <paramref name="pageUrl"/>: posts its form to the form's action with the form's hidden
    /// fields as the page gave them (the antiforgery field filled the way its script does).
    /// </summary>
    public async Task<HttpResponseMessage> PressAsync(string pageUrl)
    {
        var (status, html) = await FollowAsync(pageUrl);
        var form = PostForm().Match(html);
        form.Success.ShouldBeTrue($"{pageUrl} ({status}) has no form to press");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match hidden in HiddenField().Matches(form.Groups[2].Value))
        {
            var (name, value) = (WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
            fields.Add(new(name, name == "__csrf" && value.Length == 0 ? await FormTokenAsync() : value));
        }
        var response = await client.PostAsync(WebUtility.HtmlDecode(form.Groups[1].Value), new FormUrlEncodedContent(fields), Ct);
        Remember(response);
        return response;
    }

    /// <summary>What a shared storefront page's script does before a form is sent: this visitor's token from <c>/form-token</c>.</summary>
    public async Task<string> FormTokenAsync()
    {
        var response = await client.GetAsync("/form-token", Ct);
        Remember(response);
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("token").GetString()!;
    }

    private void Remember(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            setCookies.AddRange(cookies);
        }
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]*)\"")]
    private static partial Regex CsrfToken();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\">(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex PostForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
