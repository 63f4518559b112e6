namespace ResellerKit.Engine.Common;

/// <summary>A strongly typed id over a <see cref="Guid"/>, so that an agency id cannot be passed where a sub-account id belongs.</summary>
public interface IEntityId<TSelf> where TSelf : struct, IEntityId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}
