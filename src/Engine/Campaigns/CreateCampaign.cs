using System.Text.Json;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

public sealed record CreateCampaignCommand(
    string? Name,
    SubAccountId? SubAccountId = null,
    JsonElement? Settings = null,
    string? Instructions = null,
    IReadOnlyList<FaqInput?>? Faqs = null,
    JsonElement? Configuration = null)
{
    public Result<CampaignContent> Validate()
    {
        var errors = new FieldErrors();
        var content = new CampaignContent(
            CampaignRules.Name(Name, errors),
            CampaignRules.JsonObject("settings", Settings, errors),
            CampaignRules.Instructions(Instructions, errors),
            CampaignRules.Faqs(Faqs, errors),
            CampaignRules.JsonObject("configuration", Configuration, errors));
        return errors.Any ? errors.ToError() : content;
    }
}

/// <summary>Adds a campaign to the agency, or to one of its sub-accounts whose plan has the Campaigns feature.</summary>
public sealed class CreateCampaign(EngineDbContext db, CampaignHolders holders, CampaignHistory history, TimeProvider clock)
{
    public async Task<Result<Campaign>> HandleAsync(AgencyId agencyId, CreateCampaignCommand command, Actor actor, CancellationToken ct)
    {
        var content = command.Validate();
        if (!content.IsSuccess)
        {
            return content.Error;
        }
        if (command.SubAccountId is { } subAccountId)
        {
            var holder = await holders.RequireAsync(Tenant.Of(agencyId), subAccountId, ct);
            if (!holder.IsSuccess)
            {
                return holder.Error;
            }
        }
        var now = clock.GetUtcNow();
        var campaign = Campaign.Create(agencyId, command.SubAccountId, content.Value, now);
        db.Campaigns.Add(campaign);
        history.Record(campaign, "created", now);
        db.AuditEvents.Add(AuditEvent.Record(actor, "campaign.created", agencyId, campaign.SubAccountId,
            new { campaignId = campaign.Id, campaign.Name }, now));
        await db.SaveChangesAsync(ct);
        return campaign;
    }
}
