namespace ResellerKit.Engine.Agencies;

public enum AgencyStatus
{
    Active,
    Suspended,
}
