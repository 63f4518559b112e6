using System.Text.Json.Serialization;

namespace ResellerKit.Engine.Common;

[JsonConverter(typeof(EntityIdJsonConverter<AgencyId>))]
public readonly record struct AgencyId(Guid Value) : IEntityId<AgencyId>
{
    public static AgencyId New() => new(Guid.CreateVersion7());
    public static AgencyId From(Guid value) => new(value);
    public static bool TryParse(string? s, out AgencyId id) => EntityIds.TryParse(s, out id);
    public override string ToString() => Value.ToString();
}

[JsonConverter(typeof(EntityIdJsonConverter<SubAccountId>))]
public readonly record struct SubAccountId(Guid Value) : IEntityId<SubAccountId>
{
    public static SubAccountId New() => new(Guid.CreateVersion7());
    public static SubAccountId From(Guid value) => new(value);
    public static bool TryParse(string? s, out SubAccountId id) => EntityIds.TryParse(s, out id);
    public override string ToString() => Value.ToString();
}

[JsonConverter(typeof(EntityIdJsonConverter<WalletId>))]
public readonly record struct WalletId(Guid Value) : IEntityId<WalletId>
{
    public static WalletId New() => new(Guid.CreateVersion7());
    public static WalletId From(Guid value) => new(value);
    public static bool TryParse(string? s, out WalletId id) => EntityIds.TryParse(s, out id);
    public override string ToString() => Value.ToString();
}

[JsonConverter(typeof(EntityIdJsonConverter<TransactionId>))]
public readonly record struct TransactionId(Guid Value) : IEntityId<TransactionId>
{
    public static TransactionId New() => new(Guid.CreateVersion7());
    public static TransactionId From(Guid value) => new(value);
    public static bool TryParse(string? s, out TransactionId id) => EntityIds.TryParse(s, out id);
    public override string ToString() => Value.ToString();
}
