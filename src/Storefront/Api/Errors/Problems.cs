using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ResellerKit.Engine.Common;
using ResellerKit.Storefront.Branding;

namespace ResellerKit.Storefront.Api.Errors;

/// <summary>The one mapping from an Engine <see cref="Error"/> to an RFC 9457 problem document with its <c>code</c>.</summary>
public static class Problems
{
    public static ProblemHttpResult ToProblem(this Error error)
    {
        var problem = Create(ProblemCodes.StatusOf(error.Code), error.Code, error.Detail);
        switch (error)
        {
            case ValidationFailed v:
                problem.Extensions["errors"] = v.Errors;
                break;
            case DuplicateValue d:
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [d.Field] = [d.Message] };
                break;
            case ThemeInvalid t:
                problem.Extensions["errors"] = t.Errors;
                break;
        }
        return TypedResults.Problem(problem);
    }

    public static ProblemDetails Create(int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = ProblemCodes.TitleOf(code), Detail = detail };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }
        return problem;
    }

    public static async Task Write(HttpContext context, int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = Create(status, code, detail, errors) });
    }

    /// <summary>Gives every problem document a <c>code</c> (from its status if none was set) and the request's trace id.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions.TryAdd("code", ProblemCodes.ForStatus(status));
        if (problem.Extensions["code"] is string code && problem.Title is null or "Bad Request" or "Not Found" or "Unauthorized" or "Forbidden")
        {
            problem.Title = ProblemCodes.TitleOf(code);
        }
        problem.Detail ??= status switch
        {
            404 => "Nothing exists at this address, or it belongs to someone else.",
            405 => $"This address does not accept {context.HttpContext.Request.Method}.",
            _ => null,
        };
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }
}
