using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Connections;

public sealed record ConnectionRequestExpired() : Error("conflict")
{
    public override string Detail => "This connection request has expired. Ask the agency to send a new one.";
}

public sealed record ConnectionAlreadyAnswered(ConnectionStatus Status) : Error("conflict")
{
    public override string Detail => $"This connection request was already {Status.ToString().ToLowerInvariant()}; it can be answered once.";
}

public sealed record ConnectionNotActive(ConnectionStatus Status) : Error("conflict")
{
    public override string Detail => Status switch
    {
        ConnectionStatus.Revoked => "The agency's access was already revoked.",
        ConnectionStatus.Terminated => "This contract was already terminated.",
        ConnectionStatus.Pending => "This request has not been accepted yet.",
        _ => $"This connection is {Status.ToString().ToLowerInvariant()}, not active.",
    };
}
