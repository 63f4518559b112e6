using System.Buffers.Binary;
using System.Globalization;

namespace ResellerKit.Storefront.Branding;

/// <summary>
/// A 32×32 icon file (.ico, one 32-bit image): a rounded square in one colour on a transparent ground. The icon of an
/// agency without a logo, in its brand colour, and of the platform's back office.
/// </summary>
public static class Favicon
{
    private const int Size = 32;
    private const int Radius = 6;

    /// <summary>The icon in <paramref name="hexColour"/> (<c>#rrggbb</c>); anything else gets the neutral slate.</summary>
    public static byte[] Ico(string? hexColour)
    {
        var (r, g, b) = Parse(hexColour) ?? (0x33, 0x41, 0x55);
        const int pixels = Size * Size * 4;
        const int mask = Size * 4; // one bit a pixel, rows padded to 32 bits: 4 bytes a row
        const int image = 40 + pixels + mask;
        var ico = new byte[6 + 16 + image];
        var span = ico.AsSpan();

        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 1); // an icon
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 1); // one image
        span[6] = Size;
        span[7] = Size;
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], 1); // planes
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], 32); // bits a pixel
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], image);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], 22);

        var bitmap = span[22..];
        BinaryPrimitives.WriteInt32LittleEndian(bitmap, 40);
        BinaryPrimitives.WriteInt32LittleEndian(bitmap[4..], Size);
        BinaryPrimitives.WriteInt32LittleEndian(bitmap[8..], Size * 2); // the colour rows and the mask rows
        BinaryPrimitives.WriteUInt16LittleEndian(bitmap[12..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bitmap[14..], 32);
        BinaryPrimitives.WriteInt32LittleEndian(bitmap[20..], pixels + mask);

        var data = bitmap[40..];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var at = (y * Size + x) * 4; // bottom-up rows; the shape is symmetric
                data[at] = (byte)b;
                data[at + 1] = (byte)g;
                data[at + 2] = (byte)r;
                data[at + 3] = Inside(x, y) ? (byte)255 : (byte)0;
            }
        }
        return ico;
    }

    private static bool Inside(int x, int y)
    {
        var dx = Math.Max(Math.Max(Radius - x, x - (Size - 1 - Radius)), 0);
        var dy = Math.Max(Math.Max(Radius - y, y - (Size - 1 - Radius)), 0);
        return dx * dx + dy * dy <= Radius * Radius;
    }

    private static (int R, int G, int B)? Parse(string? hex) =>
        hex is { Length: 7 } && hex[0] == '#' && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? ((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)
            : null;
}
