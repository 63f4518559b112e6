using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ResellerKit.Engine.Common;

/// <summary>
/// Turns a specification's <c>Include</c>/<c>ThenInclude</c> chain into EF Core's. The specification keeps each step
/// as an untyped lambda, so the matching generic EF method is closed over the lambda's types and invoked.
/// </summary>
internal static class SpecificationIncludes
{
    private static readonly MethodInfo[] EfMethods = typeof(EntityFrameworkQueryableExtensions).GetMethods();

    private static readonly MethodInfo Include = EfMethods.Single(m =>
        m.Name == nameof(EntityFrameworkQueryableExtensions.Include) && m.GetParameters()[1].ParameterType != typeof(string));

    // ThenInclude has one overload after a reference navigation and one after a collection (IEnumerable<TPrevious>).
    private static readonly MethodInfo ThenIncludeAfterReference = ThenInclude(afterCollection: false);

    private static readonly MethodInfo ThenIncludeAfterCollection = ThenInclude(afterCollection: true);

    public static IQueryable<T> Apply<T>(IQueryable<T> query, ISpecification<T> specification) where T : class
    {
        foreach (var path in specification.IncludeStrings)
        {
            query = query.Include(path);
        }
        Type? previous = null;
        foreach (var include in specification.IncludeExpressions)
        {
            var lambda = include.LambdaExpression;
            var method = include.Type == IncludeTypeEnum.Include || previous is null
                ? Include.MakeGenericMethod(typeof(T), lambda.ReturnType)
                : ElementType(previous) is { } element
                    ? ThenIncludeAfterCollection.MakeGenericMethod(typeof(T), element, lambda.ReturnType)
                    : ThenIncludeAfterReference.MakeGenericMethod(typeof(T), previous, lambda.ReturnType);
            query = (IQueryable<T>)method.Invoke(null, [query, lambda])!;
            previous = lambda.ReturnType;
        }
        return query;
    }

    private static MethodInfo ThenInclude(bool afterCollection) => EfMethods.Single(m =>
        m.Name == nameof(EntityFrameworkQueryableExtensions.ThenInclude)
        && m.GetParameters()[0].ParameterType.GetGenericArguments()[1].IsGenericParameter != afterCollection);

    /// <summary>The element type when <paramref name="type"/> is a collection navigation, else null.</summary>
    private static Type? ElementType(Type type) => type == typeof(string)
        ? null
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
