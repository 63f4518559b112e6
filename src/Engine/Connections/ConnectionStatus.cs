namespace ResellerKit.Engine.Connections;

public enum ConnectionStatus
{
    Pending,
    Accepted,
    Declined,
    Revoked,
    Terminated,
    Expired,
}
