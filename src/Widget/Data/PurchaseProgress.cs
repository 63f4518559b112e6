namespace ResellerKit.Widget.Data;

public enum PurchaseProgress
{
    Pending,
    Completed,
    Failed,

    /// <summary>The session ended or the checkout is not this client's: stop watching it.</summary>
    Unknown,
}
