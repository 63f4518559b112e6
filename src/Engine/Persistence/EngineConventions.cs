using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Persistence;

/// <summary>Model-wide rules: enums are stored as strings, strongly typed ids as their GUIDs.</summary>
internal static class EngineConventions
{
    public static void Apply(ModelConfigurationBuilder configurationBuilder)
    {
        foreach (var type in typeof(EngineConventions).Assembly.GetTypes())
        {
            if (type.IsEnum && type.IsPublic)
            {
                configurationBuilder.Properties(type).HaveConversion<string>().HaveMaxLength(40);
            }
            else if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityId<>)))
            {
                configurationBuilder.Properties(type).HaveConversion(typeof(EntityIdConverter<>).MakeGenericType(type));
            }
        }
    }
}

internal sealed class EntityIdConverter<TId>() : ValueConverter<TId, Guid>(id => id.Value, guid => Create(guid))
    where TId : struct, IEntityId<TId>
{
    // Expression trees cannot call a static abstract member directly, so the converter calls it through here.
    private static TId Create(Guid value) => TId.From(value);
}
