namespace ResellerKit.Engine.Campaigns;

/// <summary>One question a campaign answers, and its answer. Immutable, so a copied list shares nothing that can change.</summary>
public sealed record CampaignFaq(string Question, string Answer);

/// <summary>A FAQ as the API or back office sends it: either part may be missing until validated.</summary>
public sealed record FaqInput(string? Question, string? Answer);
