using ResellerKit.Engine.Access;

namespace ResellerKit.Storefront.Components.ApiKeys;

/// <summary>How the API keys page names a key and its steps: by its first characters, never the key itself.</summary>
public static class ApiKeyWords
{
    /// <summary>The confirm steps, as the page's address says them (<c>?confirm=replace</c>).</summary>
    public const string Replace = "replace";

    public const string Revoke = "revoke";

    /// <summary>The page's form names, for <see cref="Shared.RefusedForms"/>.</summary>
    public static readonly IReadOnlyList<string> FormNames = [ReplaceKeyForm.FormName, RevokeKeyForm.FormName];

    public static string Masked(ApiKeyHint hint) => hint.Prefix + "…";

    public static string Issued(ApiKeyHint hint) => BackOffice.AuditSentences.When(hint.CreatedAt);
}
