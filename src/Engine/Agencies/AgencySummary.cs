namespace ResellerKit.Engine.Agencies;

/// <summary>An agency with the figures its owner looks at first.</summary>
public sealed record AgencySummary(Agency Agency, long PoolBalance, int SubAccountCount);
