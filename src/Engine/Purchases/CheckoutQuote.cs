using ResellerKit.Engine.Common;
using ResellerKit.Engine.Pricing;

namespace ResellerKit.Engine.Purchases;

/// <summary>What a checkout will charge: credits, amount and currency, and the platform's fee, priced on the server.</summary>
public sealed record CheckoutQuote(AgencyId AgencyId, PackId? PackId, string Description, long Credits, long Amount, string Currency, long PlatformFee);
