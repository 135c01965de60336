using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MediaModels.Sandbox;

/// <summary>
/// A short, valid MP4 of any even size, written in code: H.264 Constrained Baseline whose macroblocks are all I_PCM (the
/// samples stored raw, which every decoder supports and which needs no transform or entropy coder), one IDR picture per
/// frame, in an ISO base media file (ftyp, moov, mdat). The sandbox uses it for video outputs whose aspect ratio the
/// embedded sample does not have.
/// </summary>
internal static class PcmVideo
{
    /// <summary>Frames in a video.</summary>
    public const int Frames = 4;

    /// <summary>Length of a video in milliseconds (the movie's and the track's timescale is 1000).</summary>
    public const int DurationMilliseconds = 1000;

    private const int Timescale = 1000;

    /// <summary>An MP4 of <paramref name="width"/>×<paramref name="height"/> pixels (even, 2–4096), one second long.</summary>
    public static byte[] Encode(int width, int height)
    {
        if (width is < 2 or > 4096 || height is < 2 or > 4096 || width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(width is < 2 or > 4096 || width % 2 != 0 ? nameof(width) : nameof(height), "Video sides are even numbers of pixels from 2 to 4096 (4:2:0 chroma).");
        }

        byte[] sps = Nal(0x67, SequenceParameterSet(width, height));
        byte[] pps = Nal(0x68, PictureParameterSet());
        var samples = new List<byte[]>();
        for (int frame = 0; frame < Frames; frame++)
        {
            byte[] slice = Nal(0x65, IdrSlice(width, height, frame));
            var sample = new byte[4 + slice.Length];
            WriteUInt32(sample, 0, (uint)slice.Length);
            Buffer.BlockCopy(slice, 0, sample, 4, slice.Length);
            samples.Add(sample);
        }

        byte[] ftyp = Box("ftyp", Concat(Ascii("isom"), UInt32(512), Ascii("isom"), Ascii("iso2"), Ascii("avc1"), Ascii("mp41")));
        byte[] moov = Movie(width, height, sps, pps, samples, chunkOffset: 0);
        moov = Movie(width, height, sps, pps, samples, chunkOffset: (uint)(ftyp.Length + moov.Length + 8));
        return Concat(ftyp, moov, Box("mdat", Concat(samples.ToArray())));
    }

    // ---- H.264 ----
    private static byte[] SequenceParameterSet(int width, int height)
    {
        int widthInMbs = (width + 15) / 16;
        int heightInMbs = (height + 15) / 16;
        var bits = new BitWriter();
        bits.Bits(66, 8);               // profile_idc: Baseline
        bits.Bits(0xC0, 8);             // constraint_set0/1: also Constrained Baseline and Main conformant
        bits.Bits(30, 8);               // level_idc 3.0
        bits.UnsignedExpGolomb(0);      // seq_parameter_set_id
        bits.UnsignedExpGolomb(0);      // log2_max_frame_num_minus4
        bits.UnsignedExpGolomb(2);      // pic_order_cnt_type: from frame_num
        bits.UnsignedExpGolomb(0);      // max_num_ref_frames: intra only
        bits.Bit(false);                // gaps_in_frame_num_value_allowed_flag
        bits.UnsignedExpGolomb((uint)(widthInMbs - 1));
        bits.UnsignedExpGolomb((uint)(heightInMbs - 1));
        bits.Bit(true);                 // frame_mbs_only_flag
        bits.Bit(true);                 // direct_8x8_inference_flag
        bool crop = widthInMbs * 16 != width || heightInMbs * 16 != height;
        bits.Bit(crop);                 // frame_cropping_flag; offsets count 2-pixel units in 4:2:0
        if (crop)
        {
            bits.UnsignedExpGolomb(0);
            bits.UnsignedExpGolomb((uint)((widthInMbs * 16) - width) / 2);
            bits.UnsignedExpGolomb(0);
            bits.UnsignedExpGolomb((uint)((heightInMbs * 16) - height) / 2);
        }

        bits.Bit(false);                // vui_parameters_present_flag
        return bits.TrailingBits();
    }

    private static byte[] PictureParameterSet()
    {
        var bits = new BitWriter();
        bits.UnsignedExpGolomb(0);      // pic_parameter_set_id
        bits.UnsignedExpGolomb(0);      // seq_parameter_set_id
        bits.Bit(false);                // entropy_coding_mode_flag: CAVLC
        bits.Bit(false);                // bottom_field_pic_order_in_frame_present_flag
        bits.UnsignedExpGolomb(0);      // num_slice_groups_minus1
        bits.UnsignedExpGolomb(0);      // num_ref_idx_l0_default_active_minus1
        bits.UnsignedExpGolomb(0);      // num_ref_idx_l1_default_active_minus1
        bits.Bit(false);                // weighted_pred_flag
        bits.Bits(0, 2);                // weighted_bipred_idc
        bits.SignedExpGolomb(0);        // pic_init_qp_minus26
        bits.SignedExpGolomb(0);        // pic_init_qs_minus26
        bits.SignedExpGolomb(0);        // chroma_qp_index_offset
        bits.Bit(false);                // deblocking_filter_control_present_flag
        bits.Bit(false);                // constrained_intra_pred_flag
        bits.Bit(false);                // redundant_pic_cnt_present_flag
        return bits.TrailingBits();
    }

    private static byte[] IdrSlice(int width, int height, int frame)
    {
        int widthInMbs = (width + 15) / 16;
        int heightInMbs = (height + 15) / 16;
        var bits = new BitWriter();
        bits.UnsignedExpGolomb(0);              // first_mb_in_slice
        bits.UnsignedExpGolomb(7);              // slice_type: I (all slices of the picture)
        bits.UnsignedExpGolomb(0);              // pic_parameter_set_id
        bits.Bits(0, 4);                        // frame_num (log2_max_frame_num = 4)
        bits.UnsignedExpGolomb((uint)(frame % 2)); // idr_pic_id: consecutive IDR pictures differ
        bits.Bit(false);                        // no_output_of_prior_pics_flag
        bits.Bit(false);                        // long_term_reference_flag
        bits.SignedExpGolomb(0);                // slice_qp_delta
        for (int mbY = 0; mbY < heightInMbs; mbY++)
        {
            for (int mbX = 0; mbX < widthInMbs; mbX++)
            {
                bits.UnsignedExpGolomb(25);     // mb_type: I_PCM
                bits.AlignWithZeros();          // pcm_alignment_zero_bit
                for (int y = 0; y < 16; y++)
                {
                    for (int x = 0; x < 16; x++)
                    {
                        bits.Bits(Luma((mbX * 16) + x, (mbY * 16) + y, width, height, frame), 8);
                    }
                }

                for (int plane = 0; plane < 2; plane++)
                {
                    for (int y = 0; y < 8; y++)
                    {
                        for (int x = 0; x < 8; x++)
                        {
                            bits.Bits(Chroma(plane, (mbX * 8) + x, (mbY * 8) + y, width, height), 8);
                        }
                    }
                }
            }
        }

        return bits.TrailingBits();
    }

    // A diagonal gradient that moves one step per frame; samples stay within 16–240 (and never 0, which early
    // decoders refuse in PCM macroblocks).
    private static uint Luma(int x, int y, int width, int height, int frame) =>
        (uint)(16 + (((x * 160 / width) + (y * 60 / height) + (frame * 16)) % 220));

    private static uint Chroma(int plane, int x, int y, int width, int height) =>
        (uint)(plane == 0 ? 64 + (x * 128 / Math.Max(1, width / 2)) : 192 - (y * 128 / Math.Max(1, height / 2)));

    /// <summary>A NAL unit: its header byte and the payload with emulation prevention (00 00 0x → 00 00 03 0x).</summary>
    private static byte[] Nal(byte header, byte[] rbsp)
    {
        var nal = new List<byte>(rbsp.Length + 8) { header };
        int zeros = 0;
        foreach (byte b in rbsp)
        {
            if (zeros >= 2 && b <= 3)
            {
                nal.Add(3);
                zeros = 0;
            }

            nal.Add(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }

        return nal.ToArray();
    }

    // ---- ISO base media file ----
    private static byte[] Movie(int width, int height, byte[] sps, byte[] pps, List<byte[]> samples, uint chunkOffset)
    {
        byte[] identity = Concat(UInt32(0x00010000), UInt32(0), UInt32(0), UInt32(0), UInt32(0x00010000), UInt32(0), UInt32(0), UInt32(0), UInt32(0x40000000));
        byte[] mvhd = FullBox("mvhd", 0, 0, Concat(UInt32(0), UInt32(0), UInt32(Timescale), UInt32(DurationMilliseconds), UInt32(0x00010000), UInt16(0x0100), new byte[10], identity, new byte[24], UInt32(2)));
        byte[] tkhd = FullBox("tkhd", 0, 3, Concat(UInt32(0), UInt32(0), UInt32(1), UInt32(0), UInt32(DurationMilliseconds), new byte[8], UInt16(0), UInt16(0), UInt16(0), UInt16(0), identity, UInt32((uint)width << 16), UInt32((uint)height << 16)));
        byte[] mdhd = FullBox("mdhd", 0, 0, Concat(UInt32(0), UInt32(0), UInt32(Timescale), UInt32(DurationMilliseconds), UInt16(0x55C4), UInt16(0))); // language "und"
        byte[] hdlr = FullBox("hdlr", 0, 0, Concat(UInt32(0), Ascii("vide"), new byte[12], Ascii("VideoHandler\0")));
        byte[] vmhd = FullBox("vmhd", 0, 1, new byte[8]);
        byte[] dinf = Box("dinf", FullBox("dref", 0, 0, Concat(UInt32(1), FullBox("url ", 0, 1, Array.Empty<byte>()))));
        byte[] avcC = Box("avcC", Concat(new byte[] { 1, sps[1], sps[2], sps[3], 0xFF, 0xE1 }, UInt16((ushort)sps.Length), sps, new byte[] { 1 }, UInt16((ushort)pps.Length), pps));
        byte[] avc1 = Box("avc1", Concat(new byte[6], UInt16(1), new byte[16], UInt16((ushort)width), UInt16((ushort)height), UInt32(0x00480000), UInt32(0x00480000), UInt32(0), UInt16(1), new byte[32], UInt16(0x0018), UInt16(0xFFFF), avcC));
        byte[] stsd = FullBox("stsd", 0, 0, Concat(UInt32(1), avc1));
        byte[] stts = FullBox("stts", 0, 0, Concat(UInt32(1), UInt32((uint)samples.Count), UInt32((uint)(DurationMilliseconds / samples.Count))));
        byte[] stsc = FullBox("stsc", 0, 0, Concat(UInt32(1), UInt32(1), UInt32((uint)samples.Count), UInt32(1)));
        var sizes = new List<byte[]> { UInt32(0), UInt32((uint)samples.Count) };
        samples.ForEach(s => sizes.Add(UInt32((uint)s.Length)));
        byte[] stsz = FullBox("stsz", 0, 0, Concat(sizes.ToArray()));
        byte[] stco = FullBox("stco", 0, 0, Concat(UInt32(1), UInt32(chunkOffset)));
        byte[] stbl = Box("stbl", Concat(stsd, stts, stsc, stsz, stco));
        byte[] minf = Box("minf", Concat(vmhd, dinf, stbl));
        byte[] mdia = Box("mdia", Concat(mdhd, hdlr, minf));
        return Box("moov", Concat(mvhd, Box("trak", Concat(tkhd, mdia))));
    }

    private static byte[] Box(string type, byte[] payload) => Concat(UInt32((uint)(8 + payload.Length)), Ascii(type), payload);

    private static byte[] FullBox(string type, byte version, uint flags, byte[] payload) =>
        Box(type, Concat(new[] { version, (byte)(flags >> 16), (byte)(flags >> 8), (byte)flags }, payload));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] UInt16(ushort value) => new[] { (byte)(value >> 8), (byte)value };

    private static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        WriteUInt32(bytes, 0, value);
        return bytes;
    }

    private static void WriteUInt32(byte[] target, int offset, uint value)
    {
        target[offset] = (byte)(value >> 24);
        target[offset + 1] = (byte)(value >> 16);
        target[offset + 2] = (byte)(value >> 8);
        target[offset + 3] = (byte)value;
    }

    private static byte[] Concat(params byte[][] parts)
    {
        using var stream = new MemoryStream();
        foreach (byte[] part in parts)
        {
            stream.Write(part, 0, part.Length);
        }

        return stream.ToArray();
    }

    /// <summary>Writes bits most significant first, with H.264's Exp-Golomb codes.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = new();
        private int _current;
        private int _count;

        public void Bit(bool value)
        {
            _current = (_current << 1) | (value ? 1 : 0);
            if (++_count == 8)
            {
                _bytes.Add((byte)_current);
                _current = 0;
                _count = 0;
            }
        }

        public void Bits(uint value, int length)
        {
            for (int i = length - 1; i >= 0; i--)
            {
                Bit(((value >> i) & 1) != 0);
            }
        }

        /// <summary>ue(v): <c>n</c> leading zeros, then <c>value + 1</c> in <c>n + 1</c> bits.</summary>
        public void UnsignedExpGolomb(uint value)
        {
            uint code = value + 1;
            int length = 0;
            for (uint v = code; v > 1; v >>= 1)
            {
                length++;
            }

            Bits(0, length);
            Bits(code, length + 1);
        }

        /// <summary>se(v): 0, 1, −1, 2, −2… mapped to 0, 1, 2, 3, 4….</summary>
        public void SignedExpGolomb(int value) => UnsignedExpGolomb(value > 0 ? (uint)((2 * value) - 1) : (uint)(-2 * value));

        public void AlignWithZeros()
        {
            while (_count != 0)
            {
                Bit(false);
            }
        }

        /// <summary>rbsp_trailing_bits: a one, then zeros to the byte boundary.</summary>
        public byte[] TrailingBits()
        {
            Bit(true);
            AlignWithZeros();
            return _bytes.ToArray();
        }
    }
}
