namespace ResellerKit.Engine.Common;

/// <summary>A value that must be unique is already taken; <see cref="Field"/> names the input that carried it.</summary>
public sealed record DuplicateValue(string Field, string Message) : Error("conflict")
{
    public override string Detail => Message;
}
