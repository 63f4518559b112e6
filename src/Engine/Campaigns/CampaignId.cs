using System.Text.Json.Serialization;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// A campaign's id. Comparable so that the list's cursor can seek past one (EF translates <c>CompareTo</c> into SQL).
/// </summary>
[JsonConverter(typeof(EntityIdJsonConverter<CampaignId>))]
public readonly record struct CampaignId(Guid Value) : IEntityId<CampaignId>, IComparable<CampaignId>
{
    public static CampaignId New() => new(Guid.CreateVersion7());
    public static CampaignId From(Guid value) => new(value);
    public static bool TryParse(string? s, out CampaignId id) => EntityIds.TryParse(s, out id);
    public int CompareTo(CampaignId other) => Value.CompareTo(other.Value);
    public override string ToString() => Value.ToString();
}
