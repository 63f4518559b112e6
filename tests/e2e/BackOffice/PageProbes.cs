namespace ResellerKit.Tests.E2e.BackOffice;

/// <summary>
/// How the walk opens each page the app declares: a route template to the address of a real page. A page the app
/// adds without a probe here fails <see cref="BackOfficeWalkTests.Routes_OfThePublishedApp_EachHaveAProbe"/>.
/// </summary>
public static class PageProbes
{
    public static IReadOnlyDictionary<string, Func<WalkedBackOffice, string>> All { get; } = new Dictionary<string, Func<WalkedBackOffice, string>>(StringComparer.Ordinal)
    {
        ["/admin"] = _ => "/admin",
        ["/admin/account/password"] = _ => "/admin/account/password",
        ["/admin/account/two-factor"] = _ => "/admin/account/two-factor",
        ["/admin/accept-invite"] = _ => $"/admin/accept-invite?user={Guid.NewGuid()}&token=expired",
        ["/admin/access-log"] = _ => "/admin/access-log",
        ["/admin/agencies"] = _ => "/admin/agencies",
        ["/admin/api-keys"] = _ => "/admin/api-keys",
        ["/admin/audit"] = _ => "/admin/audit",
        ["/admin/campaigns"] = _ => "/admin/campaigns",
        ["/admin/campaigns/{Id:guid}"] = walk => $"/admin/campaigns/{walk.CampaignId}",
        ["/admin/connections"] = _ => "/admin/connections",
        ["/admin/connections/respond"] = _ => "/admin/connections/respond",
        ["/admin/denied"] = _ => "/admin/denied",
        ["/admin/forgot-password"] = _ => "/admin/forgot-password",
        ["/admin/form-not-on-page"] = _ => "/admin/form-not-on-page",
        ["/admin/login"] = _ => "/admin/login",
        ["/admin/login/code"] = _ => "/admin/login/code",
        ["/admin/my-campaigns"] = _ => "/admin/my-campaigns",
        ["/admin/my-campaigns/{Id:guid}"] = walk => $"/admin/my-campaigns/{walk.CopyId}",
        ["/admin/not-found"] = _ => "/admin/not-found",
        ["/admin/ownership/accept"] = _ => "/admin/ownership/accept?token=ot_walk",
        ["/admin/packs"] = _ => "/admin/packs",
        ["/admin/plans"] = _ => "/admin/plans",
        ["/admin/platform/clients"] = _ => "/admin/platform/clients",
        ["/admin/platform/prices"] = _ => "/admin/platform/prices",
        ["/admin/platform/security"] = _ => "/admin/platform/security",
        ["/admin/purchases"] = _ => "/admin/purchases",
        ["/admin/reset-password"] = _ => "/admin/reset-password",
        ["/admin/settings"] = _ => "/admin/settings",
        ["/admin/sub-accounts"] = _ => "/admin/sub-accounts",
        ["/admin/sub-accounts/{Id:guid}"] = walk => $"/admin/sub-accounts/{walk.SubAccountId}",
        ["/admin/team"] = _ => "/admin/team",
        ["/admin/theme"] = _ => "/admin/theme",
        ["/admin/transactions"] = _ => "/admin/transactions",
        ["/admin/webhooks"] = _ => "/admin/webhooks",
        ["/admin/widget"] = _ => "/admin/widget",
    };
}
