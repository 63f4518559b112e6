namespace ResellerKit.Engine.Purchases;

/// <summary>A refund (the agency gave money back) or a lost dispute (the bank took it back).</summary>
public enum ReversalKind
{
    Refund,
    Dispute,
}
