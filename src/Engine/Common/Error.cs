namespace ResellerKit.Engine.Common;

/// <summary>
/// An expected failure of a use case. <see cref="Code"/> is the stable, machine-readable code that the HTTP API
/// puts on its problem responses (shared/API.md); <see cref="Detail"/> is the sentence a person reads.
/// </summary>
public abstract record Error(string Code)
{
    public abstract string Detail { get; }
}
