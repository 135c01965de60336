using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace MediaModels.Sandbox;

/// <summary>
/// The real, small, valid files the sandbox's outputs point at: PNG images drawn in code (any size) and one-second MP4
/// videos at the request's aspect ratio: the embedded 64×36 H.264 sample for 16:9, and for any other ratio an H.264 video
/// written in code (<see cref="Mp4For"/>).
/// </summary>
public static class MediaFiles
{
    private static readonly ConcurrentDictionary<(int Width, int Height), byte[]> Pngs = new();
    private static readonly ConcurrentDictionary<(int Width, int Height), byte[]> Videos = new();
    private static readonly Lazy<byte[]> Video = new(LoadVideo);
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Width of <see cref="Mp4"/>.</summary>
    public const int VideoWidth = 64;

    /// <summary>Height of <see cref="Mp4"/>.</summary>
    public const int VideoHeight = 36;

    /// <summary>A valid MP4 (ftyp, moov, mdat boxes; one second of 64×36 H.264 video).</summary>
    public static byte[] Mp4 => Video.Value;

    /// <summary>The length of every video the sandbox serves: one second.</summary>
    public static readonly TimeSpan VideoLength = TimeSpan.FromMilliseconds(PcmVideo.DurationMilliseconds);

    /// <summary>
    /// The size of a video with the aspect ratio <c>W:H</c>: the longer side 64 px, the shorter one the nearest even number
    /// of pixels, as 4:2:0 video needs (16:9 → 64×36, 9:16 → 36×64, 21:9 → 64×28).
    /// </summary>
    /// <param name="aspectRatio">e.g. <c>9:16</c>; 64×64 when missing or malformed.</param>
    public static (int Width, int Height) VideoSizeFor(string? aspectRatio) => SizeFor(aspectRatio, step: 2);

    /// <summary>A valid one-second MP4 at <see cref="VideoSizeFor"/>'s size, cached per size.</summary>
    /// <param name="aspectRatio">e.g. <c>9:16</c>; square when missing or malformed.</param>
    public static byte[] Mp4For(string? aspectRatio)
    {
        (int width, int height) = VideoSizeFor(aspectRatio);
        return width == VideoWidth && height == VideoHeight ? Mp4 : Videos.GetOrAdd((width, height), size => PcmVideo.Encode(size.Width, size.Height));
    }

    /// <summary>A valid PNG of the given size (8-bit RGB, a colour gradient), cached per size.</summary>
    /// <param name="width">Width in pixels, 1–4096.</param>
    /// <param name="height">Height in pixels, 1–4096.</param>
    public static byte[] Png(int width, int height)
    {
        if (width is < 1 or > 4096 || height is < 1 or > 4096)
        {
            throw new ArgumentOutOfRangeException(width is < 1 or > 4096 ? nameof(width) : nameof(height));
        }

        return Pngs.GetOrAdd((width, height), size => EncodePng(size.Width, size.Height));
    }

    /// <summary>
    /// The size of a small image with the aspect ratio <c>W:H</c> (the longer side 64 px); 64×64 when the ratio is
    /// missing or malformed.
    /// </summary>
    /// <param name="aspectRatio">e.g. <c>16:9</c>.</param>
    public static (int Width, int Height) ImageSizeFor(string? aspectRatio) => SizeFor(aspectRatio, step: 1);

    private static (int Width, int Height) SizeFor(string? aspectRatio, int step)
    {
        const int Side = 64;
        if (aspectRatio is not null)
        {
            string[] parts = aspectRatio.Split(':');
            if (parts.Length == 2
                && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double w)
                && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double h)
                && w > 0 && h > 0 && w / h < 64 && h / w < 64)
            {
                return w >= h ? (Side, Short(Side * h / w)) : (Short(Side * w / h), Side);
            }
        }

        return (Side, Side);

        // The shorter side: the nearest multiple of step, at least step.
        int Short(double exact) => Math.Max(step, step * (int)Math.Round(exact / step));
    }

    private static byte[] EncodePng(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour RGB
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR", header);

        var raw = new byte[height * (1 + (width * 3))];
        int at = 0;
        for (int y = 0; y < height; y++)
        {
            raw[at++] = 0; // filter type: none
            for (int x = 0; x < width; x++)
            {
                raw[at++] = (byte)(x * 255 / Math.Max(1, width - 1));
                raw[at++] = (byte)(y * 255 / Math.Max(1, height - 1));
                raw[at++] = 160;
            }
        }

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(output, "IDAT", compressed.ToArray());
        }

        WriteChunk(output, "IEND", Array.Empty<byte>());
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        uint crc = Crc32(typeBytes, data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }

    /// <summary>The CRC-32 (ISO-HDLC, as PNG uses) of the chunk type followed by its data.</summary>
    internal static uint Crc32(byte[] type, byte[] data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in type)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        foreach (byte b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static byte[] LoadVideo()
    {
        using Stream stream = typeof(MediaFiles).Assembly.GetManifestResourceStream("MediaModels.Sandbox.sample.mp4.b64")
            ?? throw new InvalidOperationException("The embedded sample video is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return Convert.FromBase64String(reader.ReadToEnd());
    }
}
