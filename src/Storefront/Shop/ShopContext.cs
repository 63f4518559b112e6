using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Storefront.Shop;

/// <summary>One storefront request: the agency, the links' base path, and the signed-in client (null when signed out).</summary>
public sealed record ShopContext(Agency Agency, string BasePath, SubAccount? Customer, Guid? UserId)
{
    public string Url(string relative = "") => BasePath + relative;
}
