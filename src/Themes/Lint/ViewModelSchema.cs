using System.Reflection;
using ResellerKit.Themes.Rendering;
using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Lint;

/// <summary>
/// What a template can read, derived from the allow-listed view models with the same snake_case names the renderer
/// uses: the members of each type, and the element type of each list.
/// </summary>
internal static class ViewModelSchema
{
    private static readonly Dictionary<Type, Dictionary<string, Type>> Members = ViewModelTypes.All.ToDictionary(
        type => type,
        type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(ViewModelMemberAccess.NameOf, p => p.PropertyType, StringComparer.Ordinal));

    /// <summary>The root variables of storefront templates.</summary>
    public static IReadOnlyDictionary<string, Type> StorefrontRoots => Members[typeof(StorefrontView)];

    /// <summary>The root variables of email templates.</summary>
    public static IReadOnlyDictionary<string, Type> EmailRoots => Members[typeof(EmailView)];

    /// <summary>True when the type's members are known (a view model), so an unknown member is a mistake.</summary>
    public static bool IsViewModel(Type type) => Members.ContainsKey(Unwrap(type));

    public static Type? Member(Type type, string name) =>
        Members.TryGetValue(Unwrap(type), out var members) ? members.GetValueOrDefault(name) : null;

    public static Type? ElementOf(Type type) =>
        Unwrap(type).GetInterfaces().Append(Unwrap(type))
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] is { } element
            && element != typeof(char)
            ? element
            : null;

    public static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
