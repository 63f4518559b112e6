using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Antiforgery for storefront pages that are shared between visitors (<see cref="ShopPageCache"/>): such a page carries
/// empty token fields and a small script that, when a form is sent, fetches this visitor's token from
/// <c>/form-token</c> (never cached; it sets the antiforgery cookie), fills it in and sends the form on. Without
/// script, the first post is refused with the form shown again, now with a token of its own, and the second goes through.
/// </summary>
public static class ShopFormTokens
{
    public const string Path = "form-token";

    /// <summary><c>GET /form-token</c>: this visitor's antiforgery field and token, as JSON.</summary>
    public static IResult Issue(string slug, HttpContext http, IAntiforgery antiforgery)
    {
        if (http.Features.Get<ShopHostFeature>()?.Slug != slug)
        {
            return Results.NotFound();
        }
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { field = tokens.FormFieldName, token = tokens.RequestToken });
    }

    /// <summary>The page with the script that fills <paramref name="field"/> on submit, before <c>&lt;/body&gt;</c> (or at the end).</summary>
    public static string WithScript(string html, string field)
    {
        var script = Script.Replace("FIELD", field, StringComparison.Ordinal);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + script : string.Concat(html.AsSpan(0, end), script, html.AsSpan(end));
    }

    /// <summary>A strong validator of a page's bytes, for <c>If-None-Match</c>.</summary>
    public static string ETagOf(string html) => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..24]}\"";

    private const string Script = """
        <script>document.addEventListener('submit',function(e){var f=e.target,s=e.submitter,i=f.querySelectorAll('input[name="FIELD"]');
        if(!i.length||i[0].value)return;e.preventDefault();var go=function(){f.requestSubmit?f.requestSubmit(s||undefined):f.submit()};
        fetch('/form-token',{credentials:'same-origin',cache:'no-store'}).then(function(r){return r.json()})
        .then(function(t){i.forEach(function(x){x.value=t.token});go()},function(){i.forEach(function(x){x.value='-'});go()})},true);</script>

        """;
}
