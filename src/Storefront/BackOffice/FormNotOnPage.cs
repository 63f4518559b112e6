using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// A back-office POST of a form the page does not render for this caller (a Reports-only member posting the team's
/// invite form, or a page that changed since it was loaded). Blazor answers it 400 with a plain-text line written for
/// developers ("Cannot submit the form ... because no form on the page currently has that name"); this keeps the 400 and
/// shows the back office's own page in words instead (<see cref="PagePath"/>, in the layout the 403 and 404 pages
/// use), with the stable code <see cref="Code"/>; a caller that does not ask for HTML gets a problem document with it.
/// Any other answer passes through untouched.
/// </summary>
public static class FormNotOnPage
{
    public const string Code = "form_not_on_page";

    public const string PagePath = "/admin/form-not-on-page";

    public const string Words =
        "What you sent belongs to a form this page does not show you: your role may not include it, or the page changed since you opened it. Open the page again and try from there.";

    /// <summary>Before routing, so that the page can be rendered through it again (as the status code pages re-execute).</summary>
    public static IApplicationBuilder UseFormNotOnPage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/admin"))
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
            await AnswerAsync(context, next);
        }
    });

    private static async Task AnswerAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Clear();
        if (!BrowserErrorPage.IsWanted(context))
        {
            await Problems.Write(context, StatusCodes.Status400BadRequest, Code, Words);
            return;
        }
        var (path, query, method) = (context.Request.Path, context.Request.QueryString, context.Request.Method);
        context.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPath = path.Value!, OriginalPathBase = context.Request.PathBase.Value!, OriginalQueryString = query.Value,
            Endpoint = context.GetEndpoint(), RouteValues = new(context.Request.RouteValues),
        });
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        (context.Request.Path, context.Request.QueryString, context.Request.Method) = (PagePath, QueryString.Empty, HttpMethods.Get);
        // A scope of its own, as the status code pages' re-execution takes: the refused render's services are spent.
        var services = context.RequestServices;
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await next(context);
        }
        finally
        {
            (context.Request.Path, context.Request.QueryString, context.Request.Method) = (path, query, method);
            context.Features.Set<IStatusCodeReExecuteFeature>(null);
            context.RequestServices = services;
        }
    }

    // Blazor's answer to a form name it does not find on the page: 400 as text/plain (the text only in Development). A
    // refused antiforgery token is a 400 without a content type, which the status code pages already put into words.
    private static bool IsRefusal(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status400BadRequest
        && context.Response.ContentType == "text/plain"
        && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        && context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false };
}
