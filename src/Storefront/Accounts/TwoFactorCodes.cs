namespace ResellerKit.Storefront.Accounts;

/// <summary>Codes as people type them: spaces, dashes and letter case are theirs, not the code's.</summary>
public static class TwoFactorCodes
{
    /// <summary>What a locked account is told, wherever it types a code (Identity's lockout: 5 wrong, 15 minutes).</summary>
    public const string LockedOut = "Too many wrong codes: this account is locked for 15 minutes.";

    /// <summary>An authenticator code: its digits.</summary>
    public static string Authenticator(string? typed) => string.Concat((typed ?? "").Where(char.IsAsciiDigit));

    /// <summary>A recovery code as Identity keeps it (<c>XXXXX-XXXXX</c>, upper case), however it was typed.</summary>
    public static string Recovery(string? typed)
    {
        var bare = string.Concat((typed ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        return bare.Length == 10 ? $"{bare[..5]}-{bare[5..]}" : bare;
    }
}
