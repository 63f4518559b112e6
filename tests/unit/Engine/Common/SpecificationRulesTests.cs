using System.Text.RegularExpressions;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Engine.Common;

/// <summary>The rules around specifications that the compiler cannot check.</summary>
public sealed partial class SpecificationRulesTests
{
    [Fact]
    public void EngineSpecifications_All_DeriveFromTheArdalisPackage()
    {
        var specifications = typeof(SubAccountByIdSpec).Assembly.GetTypes().Where(t => t.Name.EndsWith("Spec", StringComparison.Ordinal)).ToList();

        specifications.Count.ShouldBeGreaterThan(5);
        specifications.ShouldAllBe(t => t.BaseType!.IsGenericType && t.BaseType.GetGenericTypeDefinition() == typeof(Ardalis.Specification.Specification<>));
        typeof(SubAccountByIdSpec).Assembly.GetTypes().ShouldNotContain(t => t.Name == "Specification`1" || t.Name == "SpecificationBuilder`1");
    }

    [Fact]
    public void Sources_Never_EvaluateASpecificationInMemory()
    {
        var src = Path.Combine(RepositoryFolder.Root, "src");

        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(path => InMemoryEvaluation().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(src, path))
            .ToList();

        offenders.ShouldBeEmpty("a specification's in-memory evaluator reads every row of a DbSet; use WithSpecification");
    }

    // Spec(...).Evaluate(...), .IsSatisfiedBy(...) and the package's in-memory evaluators.
    [GeneratedRegex(@"Spec\([^;]*\)\s*\.\s*Evaluate\(|\.IsSatisfiedBy\(|InMemorySpecificationEvaluator|IInMemoryEvaluator")]
    private static partial Regex InMemoryEvaluation();
}
