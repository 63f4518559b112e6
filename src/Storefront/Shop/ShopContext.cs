using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Storefront.Shop;

/// <summary>One storefront request: the agency, and the signed-in client (null when signed out). Links are root-relative on the storefront's own host.</summary>
public sealed record ShopContext(Agency Agency, SubAccount? Customer, Guid? UserId)
{
    public string Url(string relative = "") => "/" + relative;
}
