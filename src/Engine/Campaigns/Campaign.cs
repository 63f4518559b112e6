using ResellerKit.Engine.Common;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// A campaign the host SaaS runs: a name, settings and configuration (JSON objects), instructions and FAQs. It
/// belongs to an agency, and to one of its sub-accounts unless <see cref="SubAccountId"/> is null (the agency's own).
/// A copy records the campaign it came from, in <see cref="CopiedFromId"/> and in words.
/// </summary>
public sealed class Campaign
{
    private Campaign()
    {
    }

    public CampaignId Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    /// <summary>The sub-account that holds the campaign; null for the agency's own.</summary>
    public SubAccountId? SubAccountId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>A JSON object, as compact text.</summary>
    public string Settings { get; private set; } = CampaignRules.EmptyObject;

    public string Instructions { get; private set; } = "";

    public IReadOnlyList<CampaignFaq> Faqs { get; private set; } = [];

    /// <summary>A JSON object, as compact text.</summary>
    public string Configuration { get; private set; } = CampaignRules.EmptyObject;

    /// <summary>The campaign this one was copied from. No foreign key: the source may since have been deleted.</summary>
    public CampaignId? CopiedFromId { get; private set; }

    /// <summary>"Copied from Acme's Spring launch": where the copy came from, as it was named at the time.</summary>
    public string? CopiedFrom { get; private set; }

    /// <summary>The number of the campaign's current version: 1 when created, one more at every change.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>The template a linked copy follows; null for a campaign that follows none.</summary>
    public CampaignId? TemplateId { get; private set; }

    /// <summary>The template's version this copy last took.</summary>
    public int? TemplateVersion { get; private set; }

    /// <summary>This copy's own version right after it last took its template's; another version means it was edited here.</summary>
    public int? SyncedVersion { get; private set; }

    /// <summary>A linked copy changed since it last followed its template.</summary>
    public bool EditedLocally => TemplateId is not null && Version != SyncedVersion;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public CampaignContent Content => new(Name, Settings, Instructions, Faqs, Configuration);

    public static Campaign Create(AgencyId agencyId, SubAccountId? subAccountId, CampaignContent content, DateTimeOffset now)
    {
        var campaign = new Campaign { Id = CampaignId.New(), AgencyId = agencyId, SubAccountId = subAccountId, CreatedAt = now };
        campaign.Apply(content, now);
        return campaign;
    }

    public void Apply(CampaignContent content, DateTimeOffset now)
    {
        Name = content.Name;
        Settings = content.Settings;
        Instructions = content.Instructions;
        Faqs = [.. content.Faqs];
        Configuration = content.Configuration;
        UpdatedAt = now;
    }

    /// <summary>A change: the content is replaced and the version number goes up by one.</summary>
    public void Revise(CampaignContent content, DateTimeOffset now)
    {
        Apply(content, now);
        Version++;
    }

    /// <summary>A linked copy takes its template's content as a new version of its own, and is in step with it again.</summary>
    public void Follow(Campaign template, DateTimeOffset now)
    {
        Revise(template.Content, now);
        TemplateId = template.Id;
        TemplateVersion = template.Version;
        SyncedVersion = Version;
    }

    /// <summary>A copy (see <see cref="CopyTo"/>) that follows <paramref name="template"/> from now on.</summary>
    public void LinkTo(Campaign template)
    {
        TemplateId = template.Id;
        TemplateVersion = template.Version;
        SyncedVersion = Version;
    }

    /// <summary>
    /// A new, independent campaign in <paramref name="target"/> holding everything this one holds. The JSON is kept
    /// as text and the FAQs are immutable records in a list of the copy's own, so editing either never changes the other.
    /// </summary>
    public Campaign CopyTo(SubAccount target, string ownerName, DateTimeOffset now)
    {
        if (target.AgencyId != AgencyId)
        {
            throw new InvalidOperationException("A campaign is only ever copied within its own agency.");
        }
        var copy = Create(AgencyId, target.Id, Content, now);
        copy.CopiedFromId = Id;
        copy.CopiedFrom = $"Copied from {ownerName}'s {Name}";
        return copy;
    }
}
