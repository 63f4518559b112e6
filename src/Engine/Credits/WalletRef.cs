using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>Enough of a wallet to post to it, without loading (and so without trusting) its cached balance.</summary>
public readonly record struct WalletRef(WalletId Id, AgencyId AgencyId, WalletKind Kind);
