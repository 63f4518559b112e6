using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Fluid;
using Fluid.Values;

namespace ResellerKit.Themes.Rendering;

/// <summary>
/// The allow-list member strategy: a template reads the public properties of <see cref="ViewModelTypes"/> by their
/// snake_case names, and nothing else. Fluid 3's default strategy reflects over any object it is handed, so a model
/// passed by mistake (an entity, a service) would expose all of its public members; this one exposes none of them.
/// </summary>
internal sealed class ViewModelMemberAccess : MemberAccessStrategy
{
    private readonly FrozenDictionary<Type, FrozenDictionary<string, MemberAccessor>> types;

    public ViewModelMemberAccess(IEnumerable<Type> allowed) =>
        types = allowed.ToFrozenDictionary(type => type, Accessors);

    protected override object AccessorCacheToken => types;

    public override MemberAccessor GetAccessor(Type type, string name, StringComparer stringComparer) =>
        types.TryGetValue(type, out var members) && members.TryGetValue(name, out var accessor) ? accessor : null!;

    public override void Register(Type type, string name, MemberAccessor accessor) =>
        throw new NotSupportedException("Theme templates read view models only; add the type to ViewModelTypes instead.");

    private static FrozenDictionary<string, MemberAccessor> Accessors(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .ToFrozenDictionary(NameOf, p => (MemberAccessor)new PropertyAccessor(p), StringComparer.Ordinal);

    /// <summary>The name a template uses for a property: <c>PricePerCredit</c> is <c>price_per_credit</c>.</summary>
    public static string NameOf(PropertyInfo property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);

    private sealed class PropertyAccessor(PropertyInfo property) : MemberAccessor
    {
        private readonly Func<object, object?> get = property.GetValue;

        public override ValueTask<FluidValue> GetAsync(object obj, string name, TemplateContext context) =>
            new(FluidValue.Create(get(obj), context.Options));
    }
}
