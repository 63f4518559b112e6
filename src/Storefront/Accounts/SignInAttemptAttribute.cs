namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// Marks an endpoint whose POST tries a password or sends a sign-in email. <see cref="SignInThrottle"/> finds it by the
/// routed endpoint, so the path's case, a trailing slash or an encoded character cannot step around it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignInAttemptAttribute(SignInAttemptKind kind) : Attribute
{
    public SignInAttemptKind Kind { get; } = kind;
}

public enum SignInAttemptKind
{
    /// <summary>A password is checked: back-office and storefront sign-in.</summary>
    Password,

    /// <summary>An email with a sign-in link is sent: magic links and password resets.</summary>
    EmailLink,
}
