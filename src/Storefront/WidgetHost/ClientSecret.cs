using ResellerKit.Engine.Common;
using ResellerKit.Engine.Embedding;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>What a verified client secret says: which session, of which agency, for which sub-account, until when.</summary>
public sealed record ClientSecret(WidgetSessionId SessionId, AgencyId AgencyId, SubAccountId SubAccountId, DateTimeOffset ExpiresAt);
