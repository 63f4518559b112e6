using System.Text.RegularExpressions;

namespace ResellerKit.Themes.Email;

/// <summary>What the renderer needs to know of each <see cref="EmailMessageKind"/>.</summary>
public static partial class EmailMessageKinds
{
    /// <summary>
    /// Transactional messages answer something the recipient did or must know about their account, and carry no
    /// unsubscribe link. Only <see cref="EmailMessageKind.LowBalance"/> is a notification one may opt out of.
    /// </summary>
    public static bool IsTransactional(this EmailMessageKind kind) => kind != EmailMessageKind.LowBalance;

    /// <summary>
    /// Kinds whose link or password lets its holder into an account: their templates never see the link or the
    /// password; the system inserts them where the template prints <c>{{ credential }}</c>.
    /// </summary>
    public static bool CarriesCredential(this EmailMessageKind kind) => kind is EmailMessageKind.PasswordReset or EmailMessageKind.MagicLink
        or EmailMessageKind.AgencyInvite or EmailMessageKind.SubAccountCredentials or EmailMessageKind.ConnectionRequest
        or EmailMessageKind.OwnershipTransfer;

    /// <summary>The locale key of the kind's button: <c>password_reset.button</c>.</summary>
    public static string ButtonKey(this EmailMessageKind kind) => $"{Words().Replace(kind.ToString(), "$1_$2").ToLowerInvariant()}.button";

    /// <summary>The template's path: <c>email/password-reset.liquid</c> for <see cref="EmailMessageKind.PasswordReset"/>.</summary>
    public static string TemplatePath(this EmailMessageKind kind) =>
        $"email/{Words().Replace(kind.ToString(), "$1-$2").ToLowerInvariant()}.liquid";

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex Words();
}
