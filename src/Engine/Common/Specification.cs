using System.Linq.Expressions;

namespace ResellerKit.Engine.Common;

/// <summary>
/// A named, reusable query, shaped like Ardalis.Specification (<c>Query.Where(...).OrderBy(...)</c>) so that the
/// package can replace it when the registry carries it. Apply with <see cref="SpecificationEvaluator.WithSpecification{T}"/>.
/// </summary>
public abstract class Specification<T> where T : class
{
    protected Specification() => Query = new SpecificationBuilder<T>(this);

    protected SpecificationBuilder<T> Query { get; }

    internal List<Expression<Func<T, bool>>> Criteria { get; } = [];

    internal List<Func<IQueryable<T>, IQueryable<T>>> Ordering { get; } = [];

    internal int? TakeCount { get; set; }

    internal bool NoTracking { get; set; }
}

public sealed class SpecificationBuilder<T>(Specification<T> specification) where T : class
{
    public SpecificationBuilder<T> Where(Expression<Func<T, bool>> criteria)
    {
        specification.Criteria.Add(criteria);
        return this;
    }

    public SpecificationBuilder<T> OrderBy<TKey>(Expression<Func<T, TKey>> key) =>
        AddOrdering(q => q.OrderBy(key), q => q.ThenBy(key));

    public SpecificationBuilder<T> OrderByDescending<TKey>(Expression<Func<T, TKey>> key) =>
        AddOrdering(q => q.OrderByDescending(key), q => q.ThenByDescending(key));

    public SpecificationBuilder<T> Take(int count)
    {
        specification.TakeCount = count;
        return this;
    }

    public SpecificationBuilder<T> AsNoTracking()
    {
        specification.NoTracking = true;
        return this;
    }

    // The first ordering starts the sort; every later one refines it, as ThenBy does.
    private SpecificationBuilder<T> AddOrdering(
        Func<IQueryable<T>, IOrderedQueryable<T>> first, Func<IOrderedQueryable<T>, IOrderedQueryable<T>> then)
    {
        specification.Ordering.Add(specification.Ordering.Count == 0 ? first : q => then((IOrderedQueryable<T>)q));
        return this;
    }
}
