using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;

namespace ResellerKit.Engine.Agencies;

/// <summary>A reseller: the tenant that owns sub-accounts, packs, a storefront and a credit pool.</summary>
public sealed class Agency
{
    private Agency()
    {
    }

    public AgencyId Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public string OwnerEmail { get; private set; } = "";

    public AgencyStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public WalletId IssuanceWalletId { get; private set; }

    public WalletId PoolWalletId { get; private set; }

    public WalletId ExpiredWalletId { get; private set; }

    public WalletId RefundedWalletId { get; private set; }

    /// <summary>What the platform lets this agency offer its sub-accounts; plans can only narrow it.</summary>
    public Plans.Features PlatformFeatures { get; private set; } = Plans.Features.All;

    /// <summary>The platform's own agency, which holds client-owned accounts (clients of the platform, not of an agency).</summary>
    public bool IsHouse { get; private set; }

    /// <summary>The platform's discount, in percent, on the fee for sub-accounts the agency owns.</summary>
    public decimal DiscountPercent { get; private set; }

    /// <summary>The agency's Stripe Connect account; payments go to it as direct charges.</summary>
    public string? StripeAccountId { get; private set; }

    public bool PaymentsEnabled { get; private set; }

    public AgencyBranding Branding { get; private set; } = new();

    /// <summary>
    /// A host name (<c>credits.agency.com</c>) the agency asked for. It serves the storefront only once the agency has
    /// proved it controls the domain (<see cref="VerifiedDomain"/>); claiming a name proves nothing and blocks no one.
    /// </summary>
    public string? CustomDomain { get; private set; }

    /// <summary>The secret the agency publishes in a DNS TXT record to prove it controls <see cref="CustomDomain"/>.</summary>
    public string? CustomDomainToken { get; private set; }

    /// <summary><see cref="CustomDomain"/> once its TXT record was found; unique across agencies. Only this host serves the storefront.</summary>
    public string? VerifiedDomain { get; private set; }

    public CustomQuantityOffer CustomQuantity { get; private set; } = new();

    /// <summary>A new value whenever anything its storefront shows changes (<see cref="Branding.StorefrontStamp"/>); part of the page cache's key.</summary>
    public long StorefrontStamp { get; private set; }

    public WalletRef Issuance => new(IssuanceWalletId, Id, WalletKind.Issuance);

    public WalletRef Pool => new(PoolWalletId, Id, WalletKind.Pool);

    public static (Agency Agency, Wallet[] Wallets) Create(string name, string slug, string ownerEmail, DateTimeOffset now)
    {
        var id = AgencyId.New();
        Wallet[] wallets =
        [
            Wallet.Open(id, WalletKind.Issuance),
            Wallet.Open(id, WalletKind.Pool),
            Wallet.Open(id, WalletKind.Expired),
            Wallet.Open(id, WalletKind.Refunded),
        ];
        var agency = new Agency
        {
            Id = id,
            Name = name.Trim(),
            Slug = slug,
            OwnerEmail = Input.NormalizeEmail(ownerEmail),
            Status = AgencyStatus.Active,
            CreatedAt = now,
            IssuanceWalletId = wallets[0].Id,
            PoolWalletId = wallets[1].Id,
            ExpiredWalletId = wallets[2].Id,
            RefundedWalletId = wallets[3].Id,
        };
        return (agency, wallets);
    }

    public void ConnectPayments(string stripeAccountId, bool paymentsEnabled)
    {
        StripeAccountId = stripeAccountId;
        PaymentsEnabled = paymentsEnabled;
    }

    public void SetDiscount(decimal percent) => DiscountPercent = percent;

    public void GrantFeatures(Plans.Features features) => PlatformFeatures = features;

    public void MakeHouse() => IsHouse = true;

    public void OfferCustomQuantity(CustomQuantityOffer offer) => CustomQuantity = offer;

    public void Rebrand(AgencyBranding branding) => Branding = branding;

    /// <summary>Asks for a custom domain (or none). A new name starts unverified, with a new challenge token.</summary>
    public void RequestDomain(string? host, string token)
    {
        if (host == CustomDomain)
        {
            return;
        }

        CustomDomain = host;
        CustomDomainToken = host is null ? null : token;
        VerifiedDomain = null;
    }

    public void VerifyDomain() => VerifiedDomain = CustomDomain;

    /// <summary>The name clients see: the display name when set, else the agency's name.</summary>
    public string PublicName => Branding.DisplayName ?? Name;

    public void Suspend() => Status = AgencyStatus.Suspended;

    public void Reinstate() => Status = AgencyStatus.Active;
}
