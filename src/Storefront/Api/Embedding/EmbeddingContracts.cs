using ResellerKit.Engine.Common;
using ResellerKit.Engine.Embedding;

namespace ResellerKit.Storefront.Api.Embedding;

/// <summary><c>expiresInSeconds</c> is optional: 60 to 1800, default 1800.</summary>
public sealed record WidgetSessionRequest(SubAccountId? SubAccountId, int? ExpiresInSeconds);

public sealed record WidgetSessionResponse(WidgetSessionId Id, SubAccountId SubAccountId, string ClientSecret, DateTimeOffset ExpiresAt);

public sealed record WidgetSessionsRevokedResponse(int Revoked);

public sealed record WidgetOriginsRequest(IReadOnlyList<string?>? Origins);

public sealed record WidgetOriginsResponse(IReadOnlyList<string> Origins);

public sealed record WidgetSnippetResponse(string Html, string ScriptUrl, string Agency, IReadOnlyList<string> AllowedOrigins);
