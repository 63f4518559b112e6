namespace ResellerKit.Storefront.Api.Idempotency;

/// <summary>
/// Marks a POST whose answer holds a secret shown once (an agency's API key, a widget session's client secret). Its
/// Idempotency-Key record keeps that answer encrypted with the install's data-protection keys (<see cref="IdempotencyFilter"/>),
/// so the database, its backups and anyone who can read them never hold the secret in the clear for the record's 24
/// hours; a retry with the key still gets the first answer back, decrypted.
/// </summary>
public sealed class SecretReply
{
    /// <summary>The purpose string of the protector that encrypts these replies.</summary>
    public const string Purpose = "ResellerKit.Idempotency.SecretReply";
}
