using Ardalis.Specification;

namespace ResellerKit.Engine.Common;

/// <summary>
/// The parts of a specification that <see cref="SpecificationEvaluator"/> does not translate. A specification that
/// asks for one fails at once with the name of what it asked for, instead of returning rows it did not mean.
/// </summary>
internal static class SpecificationSupport
{
    public static void EnsureSupported<T>(ISpecification<T> specification)
    {
        var unsupported = Unsupported(specification).ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException(
                $"{specification.GetType().Name} uses {string.Join(", ", unsupported)}, which ResellerKit's specification evaluator does not translate.");
        }
    }

    private static IEnumerable<string> Unsupported<T>(ISpecification<T> specification)
    {
        if (specification.SearchCriterias.Any()) yield return "Search";
        if (specification.PostProcessingAction is not null) yield return "PostProcessingAction";
        if (specification.CacheEnabled) yield return "caching";
        if (specification.AsTracking) yield return "AsTracking";
        if (specification.AsNoTrackingWithIdentityResolution) yield return "AsNoTrackingWithIdentityResolution";
        if (specification.AsSplitQuery) yield return "AsSplitQuery";
        if (specification.IgnoreQueryFilters) yield return "IgnoreQueryFilters";
        if (specification.IgnoreAutoIncludes) yield return "IgnoreAutoIncludes";
        if (specification.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISpecification<,>)))
        {
            yield return "a projection (Select)";
        }
    }
}
