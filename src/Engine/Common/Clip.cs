namespace ResellerKit.Engine.Common;

/// <summary>Text cut to a column's length (reasons and errors from people and providers can be any length).</summary>
public static class Clip
{
    public static string To(int max, string text) => text.Length <= max ? text : text[..max];
}
