using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace ResellerKit.Engine.Common;

/// <summary>
/// Applies an Ardalis.Specification specification to an EF Core query, so that all of it runs in the database:
/// includes, then the package's own Where, Order and Pagination evaluators, then tracking and query tags. Every query
/// is also tagged with the specification's type name, so the SQL in logs and traces says which one produced it.
/// </summary>
/// <remarks>
/// The package's EF Core evaluator ships separately and is not taken here. Its in-memory evaluator
/// (<c>specification.Evaluate(...)</c>) filters objects already loaded; given a DbSet it would read the whole table,
/// so it is never used on one. What this evaluator does not do (search, projections, caching, split queries...)
/// is refused by <see cref="SpecificationSupport"/> rather than silently ignored.
/// </remarks>
public static class SpecificationEvaluator
{
    private static readonly IEvaluator[] PackageEvaluators =
        [WhereEvaluator.Instance, OrderEvaluator.Instance, PaginationEvaluator.Instance];

    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> query, ISpecification<T> specification) where T : class
    {
        SpecificationSupport.EnsureSupported(specification);
        query = SpecificationIncludes.Apply(query, specification);
        foreach (var evaluator in PackageEvaluators)
        {
            query = evaluator.GetQuery(query, specification);
        }
        if (specification.AsNoTracking)
        {
            query = query.AsNoTracking();
        }
        query = query.TagWith(specification.GetType().Name);
        foreach (var tag in specification.QueryTags)
        {
            query = query.TagWith(tag);
        }
        return query;
    }
}
