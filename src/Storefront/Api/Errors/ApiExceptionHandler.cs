using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResellerKit.Engine.Credits.GroupCommit;
using Microsoft.AspNetCore.Diagnostics;

namespace ResellerKit.Storefront.Api.Errors;

/// <summary>
/// Turns exceptions into problem documents. A request the framework could not read (malformed JSON, a number out
/// of range, a missing or oversized body) is the caller's mistake: 400 <c>validation_failed</c> naming the field.
/// Anything else is ours: logged, and answered with a 500 that reveals nothing (a page in words for a browser).
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is BadHttpRequestException bad)
        {
            var (field, message) = Describe(bad);
            var code = ProblemCodes.ForStatus(bad.StatusCode);
            await Problems.Write(context, bad.StatusCode, code, message,
                code == "validation_failed" ? new Dictionary<string, string[]> { [field] = [message] } : null);
            return true;
        }
        if (exception is InvalidDataException && context.Request.HasFormContentType)
        {
            // ASP.NET Core's form reader refuses what it cannot read (a value holding a NUL character): the sender's
            // mistake, answered 400, and logged in case it was not the form after all.
            logger.LogWarning(exception, "A form that could not be read on {Method} {Path}", context.Request.Method, context.Request.Path);
            await RefuseAsync(context, "The form could not be read: it holds something that is not allowed, such as a NUL character.");
            return true;
        }
        if (StoredTextRefusal.Find(exception) is not null)
        {
            // A backstop: input is checked at the boundary, but text the database cannot store is the caller's, not ours.
            logger.LogWarning("Text the database cannot store reached it on {Method} {Path}", context.Request.Method, context.Request.Path);
            await RefuseAsync(context, "The request holds a character that cannot be stored, such as NUL.");
            return true;
        }
        if (exception is LedgerBusyException busy)
        {
            // Nothing was applied; with the same Idempotency-Key (or event ids) a retry can never apply twice.
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await Problems.Write(context, 503, "service_unavailable", busy.Message);
            return true;
        }
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        if (BrowserErrorPage.IsWanted(context))
        {
            await BrowserErrorPage.WriteAsync(context, 500);
            return true;
        }
        await Problems.Write(context, 500, "internal_error", "Something went wrong on our side. It has been logged; please retry.");
        return true;
    }

    private static async Task RefuseAsync(HttpContext context, string message)
    {
        if (BrowserErrorPage.IsWanted(context))
        {
            await BrowserErrorPage.WriteAsync(context, 400);
            return;
        }
        await Problems.Write(context, 400, "validation_failed", message, new Dictionary<string, string[]> { ["request"] = [message] });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException unknown && UnmappedMember().Match(unknown.Message) is { Success: true } unmapped)
        {
            // A body that refuses unknown members (a PATCH, where a misspelt field would otherwise change nothing in
            // silence). Inside an optional object the path stops at the object, so the member is added from the message.
            var member = unmapped.Groups["member"].Value;
            var at = FieldOf(unknown.Path);
            var field = at == "body" ? member : at == member || at.EndsWith("." + member, StringComparison.Ordinal) ? at : $"{at}.{member}";
            return (field, $"'{field}' is not a field of this request.");
        }
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var conversion = json.Message.Contains("could not be converted", StringComparison.Ordinal)
                || json.InnerException is FormatException or OverflowException or InvalidOperationException;
            return conversion && field != "body"
                ? (field, $"'{field}' has a value of the wrong type or out of range.")
                : ("body", $"The body is not valid JSON (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}).");
        }
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("body", "The request body is too large.");
        }
        if (bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "A JSON body is required.");
        }
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return ("body", "Send the body as JSON, with Content-Type: application/json.");
        }
        if (QueryBinding().Match(bad.Message) is { Success: true } binding)
        {
            // A query value the framework could not read as its type (limit=99999999999): the same words as a value out of range.
            var name = char.ToLowerInvariant(binding.Groups["name"].Value[0]) + binding.Groups["name"].Value[1..];
            return (name, name == "limit" ? Engine.Common.PageRequest.LimitOutOfRange : $"'{name}' has a value of the wrong type or out of range.");
        }
        return ("request", bad.Message);
    }

    // System.Text.Json's words: The JSON property 'pasued' could not be mapped to any .NET member contained in type '...'.
    [GeneratedRegex("^The JSON property '(?<member>[^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    // ASP.NET Core's words: Failed to bind parameter "Nullable<int> limit" from "99999999999".
    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[A-Za-z_][A-Za-z0-9_]*)\" from ")]
    private static partial Regex QueryBinding();

    // "$.credits" -> "credits"; "$.autoRecharge.targetCredits" -> "autoRecharge.targetCredits"; "$" -> "body".
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
