using System.Buffers.Binary;
using Kaoping.Text;
using PdfSharp.Fonts;

namespace Kaoping.Documents.Pdf;

/// <summary>
/// The Chinese face the PDFs embed (as a subset, so the text stays extractable): WenQuanYi Micro Hei from Debian's
/// fonts-wqy-microhei, or the file named by KAOPING_PDF_FONT. PDFsharp cannot open a font collection (.ttc), so the
/// first face is cut out of it as a plain TrueType font.
/// </summary>
public sealed class ChineseFont : IFontResolver
{
    public const string Family = "Kaoping CJK";
    private static readonly string[] s_candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
    ];

    private static readonly Lazy<byte[]> s_face = new(Load);
    private static readonly Lock s_install = new();

    /// <summary>Makes the face PDFsharp's font resolver, once per process.</summary>
    public static void Install()
    {
        lock (s_install)
        {
            _ = s_face.Value;
            if (GlobalFontSettings.FontResolver is not ChineseFont)
                GlobalFontSettings.FontResolver = new ChineseFont();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Family, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => s_face.Value;

    private static byte[] Load()
    {
        var path = Environment.GetEnvironmentVariable("KAOPING_PDF_FONT") is { Length: > 0 } configured ? configured : s_candidates.FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path))
            throw new InvalidInputException(new LocalizedText(
                "找不到生成 PDF 所需的中文字体：请安装 fonts-wqy-microhei，或用环境变量 KAOPING_PDF_FONT 指定一个 TrueType 字体文件。",
                "No Chinese font for PDF output: install fonts-wqy-microhei, or name a TrueType font file in KAOPING_PDF_FONT."));
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan(0, 4).SequenceEqual("ttcf"u8) ? FirstFace(bytes) : bytes;
    }

    // A TrueType collection holds several faces sharing tables; rebuild the first one as a standalone sfnt.
    private static byte[] FirstFace(byte[] collection)
    {
        var faceOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(collection.AsSpan(12));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(collection.AsSpan(faceOffset + 4));
        var records = new List<(uint Tag, uint Checksum, int Offset, int Length)>();
        for (var i = 0; i < tables; i++)
        {
            var record = collection.AsSpan(faceOffset + 12 + i * 16);
            records.Add((BinaryPrimitives.ReadUInt32BigEndian(record), BinaryPrimitives.ReadUInt32BigEndian(record[4..]),
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..])));
        }
        var headerLength = 12 + tables * 16;
        var size = headerLength + records.Sum(r => (r.Length + 3) & ~3);
        var face = new byte[size];
        collection.AsSpan(faceOffset, 12).CopyTo(face);
        var at = headerLength;
        for (var i = 0; i < records.Count; i++)
        {
            var (tag, checksum, offset, length) = records[i];
            var record = face.AsSpan(12 + i * 16);
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            collection.AsSpan(offset, length).CopyTo(face.AsSpan(at));
            at += (length + 3) & ~3;
        }
        return face;
    }
}
