using ResellerKit.Engine.Outbox;

namespace ResellerKit.Storefront.Email;

public static class EmailRegistration
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EmailOptions.Section);
        builder.Services.Configure<EmailOptions>(section);
        var usesSmtp = (section.Get<EmailOptions>() ?? new EmailOptions()).UsesSmtp;
        if (usesSmtp)
        {
            builder.Services.AddSingleton<IMailTransport, SmtpTransport>();
        }
        else
        {
            builder.Services.AddSingleton<PickupFolderTransport>();
            builder.Services.AddSingleton<IMailTransport>(s => s.GetRequiredService<PickupFolderTransport>());
        }
        builder.Services.AddSingleton<Unsubscribe>();
        builder.Services.AddScoped<EmailComposer>();
        builder.Services.AddSingleton<EmailBrands>();
        builder.Services.AddScoped<IOutboxHandler, EmailDispatcher>();
        return builder;
    }
}
