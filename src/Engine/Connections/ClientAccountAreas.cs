using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Connections;

/// <summary>
/// The areas that exist in a client-owned account, and so the only ones a connection can open: its credits, its
/// reports and its settings. Packs, the storefront theme and sub-accounts belong to agencies.
/// </summary>
public static class ClientAccountAreas
{
    public const Areas All = Areas.Credits | Areas.Reports | Areas.Settings;
}
