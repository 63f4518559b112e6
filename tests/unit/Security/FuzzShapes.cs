using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>What a route takes, read from its endpoint: its query parameters, and a well-formed sample of its body to spoil.</summary>
public static partial class FuzzInputs
{
    /// <summary>Parameters bound from the query: simple handler parameters that are not in the route, and [AsParameters] properties.</summary>
    private static IEnumerable<string> QueryParameters(RouteEndpoint endpoint)
    {
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        if (handler is null)
        {
            return [];
        }
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                names.AddRange(parameter.ParameterType.GetProperties().Where(p => IsSimple(p.PropertyType)).Select(p => Camel(p.Name)));
            }
            else if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
            {
                names.Add(fromQuery.Name ?? parameter.Name!);
            }
            else if (IsSimple(parameter.ParameterType) && !routeNames.Contains(parameter.Name!)
                && parameter.GetCustomAttributes().All(a => a is not IFromHeaderMetadata and not IFromServiceMetadata and not IFromBodyMetadata)
                && parameter.ParameterType != typeof(CancellationToken))
            {
                names.Add(parameter.Name!);
            }
        }
        return names.Distinct();
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(DateTimeOffset) || t == typeof(DateOnly)
            || t == typeof(DateTime) || t == typeof(decimal) || (t.IsValueType && t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static) is not null);
    }

    /// <summary>A plausible JSON value of a CLR type, enough for the bad value of one property to be the only fault.</summary>
    private static JsonNode? Sample(Type type, Random random, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "fuzz-" + random.Next(1000, 9999);
        if (t == typeof(bool)) return true;
        if (t == typeof(Guid)) return new Guid(RandomBytes(random, 16)).ToString();
        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float)) return 1.5;
        if (t.IsPrimitive) return 1;
        if (t.IsEnum) return JsonNamingPolicy.CamelCase.ConvertName(Enum.GetNames(t)[0]);
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime)) return "2026-01-01T00:00:00Z";
        if (t == typeof(DateOnly)) return "2026-01-01";
        if (depth > 3) return null;
        if (t.IsValueType) return 1;
        if (t.IsAssignableTo(typeof(IDictionary))) return new JsonObject { ["key"] = "value" };
        if (t.IsArray || (t.IsAssignableTo(typeof(IEnumerable)) && t.IsGenericType))
        {
            var element = t.IsArray ? t.GetElementType()! : t.GetGenericArguments()[^1];
            return new JsonArray(Sample(element, random, depth + 1));
        }
        var json = new JsonObject();
        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
        {
            json[Camel(property.Name)] = Sample(property.PropertyType, random, depth + 1);
        }
        return json;
    }
}
