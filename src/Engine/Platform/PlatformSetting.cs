namespace ResellerKit.Engine.Platform;

/// <summary>A platform-wide setting stored in the database, such as the hash of a generated platform key.</summary>
public sealed class PlatformSetting
{
    private PlatformSetting()
    {
    }

    public string Key { get; private set; } = "";

    public string Value { get; set; } = "";

    public static PlatformSetting Create(string key, string value) => new() { Key = key, Value = value };
}
