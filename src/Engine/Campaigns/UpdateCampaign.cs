using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// A PATCH of a campaign: only the fields that are set change. Null clears settings and configuration to
/// <c>{}</c>, instructions to empty and FAQs to none; a name cannot be cleared.
/// </summary>
public sealed record UpdateCampaignCommand(
    Optional<string?> Name = default,
    Optional<JsonElement?> Settings = default,
    Optional<string?> Instructions = default,
    Optional<IReadOnlyList<FaqInput?>?> Faqs = default,
    Optional<JsonElement?> Configuration = default)
{
    public Result<CampaignContent> ApplyTo(CampaignContent current)
    {
        var errors = new FieldErrors();
        var next = new CampaignContent(
            Name.IsSet ? CampaignRules.Name(Name.Value, errors) : current.Name,
            Settings.IsSet ? CampaignRules.JsonObject("settings", Settings.Value, errors) : current.Settings,
            Instructions.IsSet ? CampaignRules.Instructions(Instructions.Value, errors) : current.Instructions,
            Faqs.IsSet ? CampaignRules.Faqs(Faqs.Value, errors) : current.Faqs,
            Configuration.IsSet ? CampaignRules.JsonObject("configuration", Configuration.Value, errors) : current.Configuration);
        return errors.Any ? errors.ToError() : next;
    }
}

/// <summary>Changes a campaign. One that a sub-account holds can change only while its plan has the Campaigns feature.</summary>
public sealed class UpdateCampaign(EngineDbContext db, CampaignHolders holders, CampaignHistory history, TimeProvider clock)
{
    public async Task<Result<Campaign>> HandleAsync(Tenant tenant, CampaignId id, UpdateCampaignCommand command, Actor actor, CancellationToken ct)
    {
        // No rule depends on the current values, so bad input is refused before anything is looked up.
        var valid = command.ApplyTo(CampaignContent.Empty);
        if (!valid.IsSuccess)
        {
            return valid.Error;
        }
        var campaign = await db.Campaigns.WithSpecification(new CampaignByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (campaign is null)
        {
            return new NotFound("campaign");
        }
        if (campaign.SubAccountId is { } holderId)
        {
            var holder = await holders.RequireAsync(tenant, holderId, ct);
            if (!holder.IsSuccess)
            {
                return holder.Error;
            }
        }
        var current = campaign.Content;
        var next = command.ApplyTo(current).Value;
        var changed = CampaignDiff.Fields(current, next);
        if (changed.Count > 0)
        {
            var now = clock.GetUtcNow();
            db.AuditEvents.Add(AuditEvent.Record(actor, "campaign.updated", campaign.AgencyId, campaign.SubAccountId,
                new { campaignId = campaign.Id, fields = changed, name = current.Name == next.Name ? null : new { from = current.Name, to = next.Name } }, now));
            await history.KeepCurrentAsync(campaign, ct);
            campaign.Revise(next, now);
            history.Record(campaign, "edited", now);
            await db.SaveChangesAsync(ct);
        }
        return campaign;
    }
}
