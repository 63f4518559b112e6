using Microsoft.Extensions.DependencyInjection;

namespace ResellerKit.Engine.Campaigns;

public static class CampaignsRegistration
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services) => services
        .AddScoped<CampaignHolders>()
        .AddScoped<CreateCampaign>()
        .AddScoped<ListCampaigns>()
        .AddScoped<GetCampaign>()
        .AddScoped<UpdateCampaign>()
        .AddScoped<DeleteCampaign>()
        .AddScoped<CopyCampaign>()
        .AddScoped<CampaignHistory>()
        .AddScoped<PushCampaign>()
        .AddScoped<CampaignVersions>()
        .AddScoped<LinkedCopies>()
        .AddScoped<MoveAccountCampaigns>();
}
