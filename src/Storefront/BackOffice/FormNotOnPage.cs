using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Features;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// A back-office POST of a form the page does not render for this caller (a Reports-only member posting the team's
/// invite form, or a page that changed since it was loaded). Blazor answers it 400 with a plain-text line written for
/// developers ("Cannot submit the form ... because no form on the page currently has that name"); this keeps the 400 and
/// gives the product's own error page in words, with the stable code <see cref="Code"/> (a problem document for a caller
/// that does not ask for HTML). Any other answer of a page passes through untouched.
/// </summary>
public static class FormNotOnPage
{
    public const string Code = "form_not_on_page";

    public const string Words =
        "What you sent belongs to a form this page does not show you: your role may not include it, or the page changed since you opened it. Open the page again and try from there.";

    /// <summary>After routing, so that the endpoint (a Razor component page) is known.</summary>
    public static IApplicationBuilder UseFormNotOnPage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            await next(context);
            return;
        }
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var guarded = new StreamResponseBodyFeature(new RefusalHoldingStream(original.Stream, () => IsRefusal(context)), original);
        context.Features.Set<IHttpResponseBodyFeature>(guarded);
        try
        {
            await next(context);
            if (!IsRefusal(context))
            {
                await guarded.CompleteAsync();
            }
        }
        finally
        {
            context.Features.Set(original);
        }
        if (IsRefusal(context) && !context.Response.HasStarted)
        {
            context.Response.Clear();
            if (BrowserErrorPage.IsWanted(context))
            {
                await BrowserErrorPage.WriteAsync(context, StatusCodes.Status400BadRequest, ProblemCodes.TitleOf(Code), Words, Code);
            }
            else
            {
                await Problems.Write(context, StatusCodes.Status400BadRequest, Code, Words);
            }
        }
    });

    // Blazor's answer to a form name it does not find on the page: 400 as text/plain (the text only in Development). A
    // refused antiforgery token is a 400 without a content type, which the status code pages already put into words.
    private static bool IsRefusal(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status400BadRequest
        && context.Response.ContentType == "text/plain"
        && context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false };
}
