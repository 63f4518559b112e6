namespace ResellerKit.Engine.Purchases;

public enum PurchaseOrigin
{
    Api,
    Storefront,
    Widget,
    Recharge,
}
