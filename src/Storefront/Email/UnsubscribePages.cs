using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.Email;

/// <summary>
/// The unsubscribe link of non-transactional email: a confirmation page, a POST that records the opt-out, and the
/// one-click POST that mail clients send (RFC 8058). Transactional email (receipts, passwords) keeps coming.
/// </summary>
public static class UnsubscribePages
{
    public static WebApplication MapUnsubscribe(this WebApplication app)
    {
        app.MapGet("/email/unsubscribe", Confirm).ExcludeFromDescription();
        app.MapPost("/email/unsubscribe", ApplyAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    public static IResult Confirm(string? token, Unsubscribe unsubscribe) =>
        unsubscribe.TryRead(token, out _, out var email)
            ? Page("Unsubscribe", $"""
                <h1>Stop these emails?</h1><p>{HtmlEncoder.Default.Encode(email)} will no longer get low-balance alerts and similar notices.
                Receipts and sign-in emails still arrive.</p>
                <form method="post"><input type="hidden" name="token" value="{HtmlEncoder.Default.Encode(token!)}"><button type="submit">Unsubscribe</button></form>
                """)
            : Page("Link not valid", "<h1>This unsubscribe link is not valid</h1><p>It may have been cut short by your email program.</p>", 400);

    public static async Task<IResult> ApplyAsync(HttpRequest request, Unsubscribe unsubscribe, EngineDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var token = request.HasFormContentType ? (await request.ReadFormAsync(ct))["token"].ToString() : request.Query["token"].ToString();
        if (!unsubscribe.TryRead(token, out var agencyId, out var email))
        {
            return Page("Link not valid", "<h1>This unsubscribe link is not valid</h1>", 400);
        }
        if (!await db.EmailOptOuts.AnyAsync(o => o.AgencyId == agencyId && o.Email == email, ct))
        {
            db.EmailOptOuts.Add(EmailOptOut.Create(agencyId, email, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        return Page("Unsubscribed", $"<h1>You are unsubscribed</h1><p>{HtmlEncoder.Default.Encode(email)} will not get these notices any more.</p>");
    }

    private static IResult Page(string title, string body, int status = 200) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head><body><main>{body}</main></body></html>",
        "text/html; charset=utf-8", statusCode: status);
}
