namespace ResellerKit.Widget.Data;

public enum WidgetStatus
{
    /// <summary>A signed-in client who can buy (or, in shared mode, see usage).</summary>
    Ready,

    /// <summary>No client secret, or one that is expired, revoked, forged or for another agency: packs and "Sign in".</summary>
    SignedOut,

    /// <summary>The client's account is paused: it can see its balance but not buy.</summary>
    Paused,

    /// <summary>The widget cannot be shown here: an unknown agency, or a site the agency has not allowed.</summary>
    Unavailable,
}
