using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace ResellerKit.Engine.Common;

/// <summary>
/// Shared checks for the values people type in: names, emails, slugs, free text. Nothing that is shown to people
/// may carry control characters (NUL, CR, LF, ESC, …): a name is one line, and only multi-line text (an email
/// footer, an address, instructions) keeps its line breaks and tabs.
/// </summary>
public static partial class Input
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 1000;
    public const int MaxReferenceLength = 255;

    /// <summary>True when <paramref name="value"/>, in the form it is kept in (<see cref="NormalizeEmail"/>), is one plain address.</summary>
    public static bool IsEmail(string? value) =>
        value is not null
        && TryFold(value, out var email)
        && email.Length is > 0 and <= 254
        && !HasControlCharacters(email)
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');

    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    public static bool IsName(string? value) =>
        HasVisibleCharacter(value) && value.Trim().Length <= MaxNameLength && !HasControlCharacters(value);

    /// <summary>
    /// True when <paramref name="value"/> has at least one character that shows: a name of only spaces, zero-width
    /// characters (U+200B, U+FEFF, joiners, other format characters), combining marks with nothing to sit on, or the
    /// letters that are drawn as blanks (the Hangul fillers, the blank Braille pattern) reads as nothing and links as a
    /// zero-width link.
    /// </summary>
    public static bool HasVisibleCharacter([NotNullWhen(true)] string? value)
    {
        foreach (var rune in (value ?? "").EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsVisible(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.OtherNotAssigned => false,
        _ => rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800),
    };

    /// <summary>
    /// True when <paramref name="value"/> holds a control character (Unicode's Cc: NUL to US, DEL, C1), a line or
    /// paragraph separator, or a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), which
    /// can make a name read differently from what it holds; with <paramref name="multiline"/>, line feeds, carriage
    /// returns and tabs are allowed. The marks right-to-left text needs (U+200E, U+200F) are allowed.
    /// </summary>
    public static bool HasControlCharacters(string? value, bool multiline = false)
    {
        foreach (var c in value ?? "")
        {
            if (multiline && c is '\n' or '\r' or '\t')
            {
                continue;
            }
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
            {
                return true;
            }
        }
        return false;
    }

    public static string ControlCharactersMessage(string field, bool multiline = false) => multiline
        ? $"{field} may not contain control characters (such as NUL or escape); only line breaks and tabs are allowed."
        : $"{field} must be one line of text: no line breaks, tabs or other control characters (such as NUL).";

    /// <summary>
    /// The one form an email address is kept, compared and looked up in, wherever it enters (sign-in, password reset,
    /// invitations, sub-account and client emails, connections, Identity's lookups through <c>EmailLookupNormalizer</c>):
    /// Unicode compatibility forms folded (NFKC, so "ｏｗｎｅｒ@brightside.example" in fullwidth letters is
    /// "owner@brightside.example"), trimmed, lower case. Text that is not well-formed Unicode comes back trimmed and
    /// lower case, and <see cref="IsEmail"/> refuses it.
    /// </summary>
    public static string NormalizeEmail(string email) => TryFold(email, out var folded) ? folded : email.Trim().ToLowerInvariant();

    private static bool TryFold(string value, out string folded)
    {
        try
        {
            folded = value.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
            return true;
        }
        catch (ArgumentException)
        {
            folded = ""; // a lone surrogate: no address
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$")]
    private static partial Regex SlugPattern();
}
