using System.Diagnostics.CodeAnalysis;

namespace ResellerKit.Engine.Common;

/// <summary>The outcome of a use case: a value, or an <see cref="Common.Error"/>. Exceptions stay for bugs and infrastructure.</summary>
public readonly struct Result<T>
{
    private readonly T? value;
    private readonly Error? error;

    private Result(T value) => this.value = value;

    private Result(Error error) => this.error = error;

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => error is null;

    public T Value => error is null ? value! : throw new InvalidOperationException($"The result is a failure: {error.Code}.");

    public Error? Error => error;

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);

    public TOut Match<TOut>(Func<T, TOut> success, Func<Error, TOut> failure) =>
        error is null ? success(value!) : failure(error);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => error is null ? map(value!) : error;
}

/// <summary>The value of a use case that returns nothing but success.</summary>
public readonly record struct Done
{
    public static Done Value => default;
}
