namespace ResellerKit.Widget.Data;

/// <summary>The agency as its clients see it, and where its branded storefront signs them in.</summary>
public sealed record BrandView(string Name, string StorefrontUrl, string SignInUrl);
