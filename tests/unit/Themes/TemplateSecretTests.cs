using Fluid;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>
/// Templates that try to read what a theme must never show: members outside the allow-list, an entity's secrets passed
/// by mistake, and a client's own data as markup.
/// </summary>
public sealed class TemplateSecretTests
{
    private readonly ThemeTestKit kit = new(ThemeTestKit.Unhurried);

    [Theory]
    [InlineData("{{ packs[0].GetType }}")]
    [InlineData("{{ packs[0].get_type }}")]
    [InlineData("{{ shop.GetHashCode }}")]
    [InlineData("{{ packs[0].price.ToString }}")]
    [InlineData("{{ shop.EqualityContract }}")]
    [InlineData("{{ secrets.api_key }}{{ secret_holder.api_key }}")]
    [InlineData("{{ page.get_type.assembly.location }}")]
    [InlineData("{{ packs.capacity }}{{ packs.count }}{{ packs.get_enumerator }}")]
    public async Task RenderAsync_MembersOutsideAllowList_RenderNothing(string template)
    {
        var html = await kit.HtmlAsync(template);

        html.ShouldBeEmpty();
    }

    /// <summary>Templates that try to read a whole object, or members a view model does not have.</summary>
    public static TheoryData<string> Dumps => new()
    {
        "{{ api_key }}{{ stripe.secret_key }}{{ owner.password_hash }}",
        "{{ ApiKey }}{{ Stripe.SecretKey }}{{ Owner.PasswordHash }}{{ apikey }}",
        "{{ stripe }}{{ owner }}{{ self }}",
        "{{ stripe | json }}{{ owner | json }}",
        "{% for member in owner %}{{ member }}{% endfor %}",
        "{{ stripe['secret_key'] }}{{ owner['password_hash'] }}",
    };

    /// <summary>
    /// An entity handed to Fluid where a view model belongs: its secrets sit in public properties, one level down and at
    /// the root. Under ResellerKit's options none of them reaches the output.
    /// </summary>
    [Theory]
    [MemberData(nameof(Dumps))]
    public async Task Render_EntityPassedByMistake_ShowsNoneOfItsSecrets(string template)
    {
        var html = await RenderWithAsync(kit.Options, template, AgencyEntity.WithSecrets());

        html.ShouldNotContain(ThemeTestKit.Secret);
        html.ShouldNotContain(AgencyEntity.PasswordHash);
    }

    /// <summary>The same renders under Fluid's default member strategy leak: the attack templates above are real attacks.</summary>
    [Fact]
    public async Task Render_EntityUnderFluidsDefaultStrategy_WouldLeak()
    {
        var html = await RenderWithAsync(new TemplateOptionsBuilder().Build(), "{{ ApiKey }}{{ Stripe.SecretKey }}", AgencyEntity.WithSecrets());

        html.ShouldContain(ThemeTestKit.Secret);
    }

    /// <summary>A view model's own members stay readable: the strategy allows exactly the view models.</summary>
    [Fact]
    public async Task Render_ViewModel_ShowsItsMembersBySnakeCaseName()
    {
        var html = await RenderWithAsync(kit.Options, "{{ name }}|{{ primary_color }}|{{ Name }}", ThemeTestKit.Model().Shop);

        html.ShouldBe("Northwind Growth|#4338ca|");
    }

    [Fact]
    public async Task RenderAsync_UserDataWithScript_EscapedEvenInAttributes()
    {
        var model = ThemeTestKit.Model() with { Packs = [ThemeTestKit.Model().Packs[0] with { Name = "\"><script>steal()</script>" }] };

        var html = await kit.HtmlAsync("<button aria-label=\"{{ packs[0].name }}\">{{ packs[0].name }}</button>", model);

        html.ShouldBe("<button aria-label=\"&quot;&gt;&lt;script&gt;steal()&lt;/script&gt;\">&quot;&gt;&lt;script&gt;steal()&lt;/script&gt;</button>");
    }

    private async Task<string> RenderWithAsync(TemplateOptions options, string source, object model)
    {
        kit.Parser.TryParse(source, out var template, out var error).ShouldBeTrue(error);
        return await template.RenderAsync(new TemplateContext(model, options));
    }

    private sealed record StripeConnection(string AccountId, string SecretKey);

    private sealed record Owner(string Email, string PasswordHash);

    /// <summary>Shaped like the Agency entity behind <c>AgencyBrandView</c>, with real-looking secrets.</summary>
    private sealed record AgencyEntity(string Name, string ApiKey, StripeConnection Stripe, Owner Owner)
    {
        public const string PasswordHash = "AQAAAAIAAYagAAAAEPasswordHashThatMustNeverShow==";

        public AgencyEntity Self => this;

        public static AgencyEntity WithSecrets() =>
            new("Northwind", ThemeTestKit.Secret, new StripeConnection("acct_123", ThemeTestKit.Secret), new Owner("o@x.example", PasswordHash));
    }
}
