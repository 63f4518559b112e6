using System.Security.Cryptography;

namespace ResellerKit.Engine.Users;

/// <summary>
/// Generates first passwords that are easy to read out and retype: four groups of four from an alphabet without
/// look-alikes (no 0/O, 1/l/I), always with an upper-case letter, a lower-case letter and a digit.
/// </summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string All = Upper + Lower + Digits;

    public static string Generate()
    {
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = All[RandomNumberGenerator.GetInt32(All.Length)];
        }
        // Guarantee one of each class at random positions.
        chars[RandomNumberGenerator.GetInt32(0, 5)] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[RandomNumberGenerator.GetInt32(5, 10)] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[RandomNumberGenerator.GetInt32(10, 16)] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        return string.Join('-', new string(chars[..4]), new string(chars[4..8]), new string(chars[8..12]), new string(chars[12..]));
    }
}
