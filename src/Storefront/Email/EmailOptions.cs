namespace ResellerKit.Storefront.Email;

/// <summary>
/// The <c>Email</c> section. With no SMTP host, every message is written as an <c>.eml</c> file to
/// <see cref="PickupDirectory"/> (the embedded default); with <c>Email:Smtp:Host</c> set, it is sent by SMTP.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string PickupDirectory { get; set; } = "mail-pickup";

    public string FromAddress { get; set; } = "no-reply@localhost";

    public string FromName { get; set; } = "ResellerKit";

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary><c>Auto</c> (STARTTLS when offered), <c>StartTls</c>, <c>SslOnConnect</c> or <c>None</c>.</summary>
    public string Security { get; set; } = "Auto";
}
