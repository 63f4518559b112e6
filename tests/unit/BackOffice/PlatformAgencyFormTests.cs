using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>The platform's form for one agency saves its discount and its features together, or neither.</summary>
public abstract class PlatformAgencyFormTests(ApiFixture api)
{
    [Fact]
    public async Task SaveAgencyTerms_WithADiscountOutOfRange_ChangesNeitherTheDiscountNorTheFeaturesAndSaysWhy()
    {
        var (admin, target) = await PlatformAdminAsync();

        var response = await admin.SubmitAsync("/admin", $"/admin/platform/agencies/{target}", ("discountPercent", "150"), ("features", "Widget"));
        var (_, page) = await admin.GetAsync(response.Headers.Location!.ToString());

        response.Headers.Location!.ToString().ShouldContain("notice=discount-range");
        WebUtility.HtmlDecode(page).ShouldContain("The discount is a percentage from 0 to 100. Nothing was changed.");
        var (features, discount) = await TermsAsync(target);
        features.ShouldBe(Features.All);
        discount.ShouldBe(0m);
    }

    [Fact]
    public async Task SaveAgencyTerms_WithAValidDiscount_SavesBoth()
    {
        var (admin, target) = await PlatformAdminAsync();

        var response = await admin.SubmitAsync("/admin", $"/admin/platform/agencies/{target}", ("discountPercent", "12.5"), ("features", "Widget"), ("features", "Reports"));

        response.Headers.Location!.ToString().ShouldContain("notice=saved");
        (await TermsAsync(target)).ShouldBe((Features.Widget | Features.Reports, 12.5m));
    }

    private async Task<(Browser Admin, string Target)> PlatformAdminAsync()
    {
        var own = await api.CreateAgencyAsync();
        var target = await api.CreateAgencyAsync();
        return (await api.SignInPlatformAdminAsync(own), target.Id);
    }

    private async Task<(Features Features, decimal Discount)> TermsAsync(string agency)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var id = AgencyId.From(Guid.Parse(agency));
        var row = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
        return (row.PlatformFeatures, row.DiscountPercent);
    }
}

public sealed class PlatformAgencyFormTestsOnSqlite(SqliteApi api) : PlatformAgencyFormTests(api), IClassFixture<SqliteApi>;

public sealed class PlatformAgencyFormTestsOnPostgres(PostgresApi api) : PlatformAgencyFormTests(api), IClassFixture<PostgresApi>;
