using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ResellerKit.Tests.E2e.BackOffice;

/// <summary>
/// The back office's pages as the app declares them: every <c>@page</c> route template of the published Storefront,
/// read from its assembly's metadata (nothing is loaded or run). A page added to the app appears here at once.
/// </summary>
public static class BackOfficeRoutes
{
    public static IReadOnlyList<string> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.CustomAttributes)
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (IsComponentRoute(metadata, attribute))
            {
                var value = metadata.GetBlobReader(attribute.Value);
                value.ReadUInt16();
                routes.Add(value.ReadSerializedString()!);
            }
        }
        return [.. routes];
    }

    private static bool IsComponentRoute(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }
        var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
        if (constructor.Parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }
        var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
        return metadata.GetString(type.Name) == "RouteAttribute"
            && metadata.GetString(type.Namespace) == "Microsoft.AspNetCore.Components";
    }
}
