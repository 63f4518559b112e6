using Microsoft.AspNetCore.Antiforgery;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Every unsafe back-office action needs the page's antiforgery token, also those that bind no form field (archive,
/// remove, revoke, rollback, end assist, sign out): minimal APIs check the token only for routes that read a form.
/// Put on the back office's route group, so no action can be added without it. A missing or wrong token is a 400.
/// </summary>
public sealed class RequireAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (IsSafe(http.Request.Method))
        {
            return await next(context);
        }
        var checkedByMiddleware = http.Features.Get<IAntiforgeryValidationFeature>();
        var valid = checkedByMiddleware?.IsValid ?? await antiforgery.IsRequestValidAsync(http);
        return valid ? await next(context) : Results.StatusCode(StatusCodes.Status400BadRequest);
    }

    public static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
