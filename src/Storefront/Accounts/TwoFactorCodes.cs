namespace ResellerKit.Storefront.Accounts;

/// <summary>Codes as people type them: spaces, dashes and letter case are theirs, not the code's.</summary>
public static class TwoFactorCodes
{
    /// <summary>An authenticator code: its digits.</summary>
    public static string Authenticator(string? typed) => string.Concat((typed ?? "").Where(char.IsAsciiDigit));

    /// <summary>A recovery code as Identity keeps it (<c>XXXXX-XXXXX</c>, upper case), however it was typed.</summary>
    public static string Recovery(string? typed)
    {
        var bare = string.Concat((typed ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        return bare.Length == 10 ? $"{bare[..5]}-{bare[5..]}" : bare;
    }
}
