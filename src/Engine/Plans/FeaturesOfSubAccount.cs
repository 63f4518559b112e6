using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Plans;

/// <summary>A sub-account, its plan (null without one) and the features it may use, for lists such as "who has the widget".</summary>
public sealed record FeaturesOfSubAccount(SubAccount SubAccount, Plan? Plan, Features Effective);
