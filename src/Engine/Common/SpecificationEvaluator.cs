using Microsoft.EntityFrameworkCore;

namespace ResellerKit.Engine.Common;

public static class SpecificationEvaluator
{
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> query, Specification<T> specification) where T : class
    {
        foreach (var criteria in specification.Criteria)
        {
            query = query.Where(criteria);
        }
        foreach (var ordering in specification.Ordering)
        {
            query = ordering(query);
        }
        if (specification.TakeCount is { } take)
        {
            query = query.Take(take);
        }
        return specification.NoTracking ? query.AsNoTracking() : query;
    }
}
