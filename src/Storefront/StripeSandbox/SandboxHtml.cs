using System.Globalization;
using System.Text.Encodings.Web;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>The sandbox pages' shared frame: plain, accessible HTML that works without JavaScript.</summary>
public static class SandboxHtml
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Amount(long minor, string currency) =>
        Themes.Rendering.Filters.MoneyFormatter.Format(minor, currency, CultureInfo.GetCultureInfo("en-US"));

    public static IResult Page(string title, string body, int status = 200) => Results.Content($$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{E(title)}}</title>
          <style>
            body { font: 16px/1.5 system-ui, sans-serif; background: #f6f8fa; color: #1a1f36; margin: 0; }
            main { max-width: 32rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 12px; box-shadow: 0 2px 12px #0001; }
            .badge { display: inline-block; background: #ffd76a; color: #4a3b00; font-weight: 600; font-size: .8rem; padding: .15rem .6rem; border-radius: 99px; }
            .amount { font-size: 2rem; font-weight: 700; margin: .25rem 0; }
            fieldset { border: 1px solid #d8dee4; border-radius: 8px; margin: 1rem 0; }
            label { display: block; margin: .35rem 0; }
            button { background: #635bff; color: #fff; border: 0; border-radius: 8px; font-size: 1.05rem; padding: .7rem 1.5rem; cursor: pointer; }
            button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #1a1f36; outline-offset: 2px; }
            .error { color: #a4000f; font-weight: 600; }
            table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .3rem; border-bottom: 1px solid #eee; }
          </style>
        </head>
        <body><main>
        <p class="badge">TEST MODE · Stripe sandbox</p>
        {{body}}
        </main></body>
        </html>
        """, "text/html; charset=utf-8", statusCode: status);
}
