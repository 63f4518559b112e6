using System.Net.Mail;
using System.Text.RegularExpressions;

namespace ResellerKit.Engine.Common;

/// <summary>Shared checks for the values people type in: names, emails, slugs, free text.</summary>
public static partial class Input
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 1000;
    public const int MaxReferenceLength = 255;

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= 254
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');

    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    public static bool IsName(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= MaxNameLength;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$")]
    private static partial Regex SlugPattern();
}
