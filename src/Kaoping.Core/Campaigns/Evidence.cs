using System.IO.Compression;
using System.Text;

namespace Kaoping.Campaigns;

/// <summary>The kinds of evidence file (佐证材料) Kaoping keeps, told from the content, never from the name.</summary>
public enum EvidenceKind
{
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Docx,
    Xlsx,

    /// <summary>Word 97–2003 (.doc)</summary>
    Doc,

    /// <summary>Excel 97–2003 (.xls)</summary>
    Xls,
}

public static class EvidenceKinds
{
    public static string ContentType(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => "application/pdf",
        EvidenceKind.Png => "image/png",
        EvidenceKind.Jpeg => "image/jpeg",
        EvidenceKind.Gif => "image/gif",
        EvidenceKind.Webp => "image/webp",
        EvidenceKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceKind.Doc => "application/msword",
        EvidenceKind.Xls => "application/vnd.ms-excel",
    };

    public static string Extension(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf => ".pdf",
        EvidenceKind.Png => ".png",
        EvidenceKind.Jpeg => ".jpg",
        EvidenceKind.Gif => ".gif",
        EvidenceKind.Webp => ".webp",
        EvidenceKind.Docx => ".docx",
        EvidenceKind.Xlsx => ".xlsx",
        EvidenceKind.Doc => ".doc",
        EvidenceKind.Xls => ".xls",
    };

    /// <summary>Images and PDFs are shown in the page; office files are downloaded.</summary>
    public static bool CanPreview(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Pdf or EvidenceKind.Png or EvidenceKind.Jpeg or EvidenceKind.Gif or EvidenceKind.Webp => true,
        EvidenceKind.Docx or EvidenceKind.Xlsx or EvidenceKind.Doc or EvidenceKind.Xls => false,
    };

    public static bool IsImage(this EvidenceKind kind) => kind.CanPreview() && kind != EvidenceKind.Pdf;

    /// <summary>
    /// What the file is, read from its first bytes (and, for zip and OLE containers, their parts); null for anything
    /// else — an executable, a script, an archive, a file merely named .pdf.
    /// </summary>
    public static EvidenceKind? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
            throw new ArgumentException("Evidence is checked on a seekable copy.", nameof(content));
        content.Position = 0;
        Span<byte> head = stackalloc byte[16];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (head.StartsWith("%PDF-"u8))
            return EvidenceKind.Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return EvidenceKind.Png;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return EvidenceKind.Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return EvidenceKind.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return EvidenceKind.Webp;
        if (head.StartsWith("PK\u0003\u0004"u8))
            return OfficeOpenXml(content);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return CompoundDocument(content);
        return null;
    }

    private static EvidenceKind? OfficeOpenXml(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
                return null;
            return names.Contains("word/document.xml") ? EvidenceKind.Docx
                : names.Contains("xl/workbook.xml") ? EvidenceKind.Xlsx
                : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            // what System.IO.Compression throws for an archive it cannot read
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    // An OLE compound file holds a Word document in a stream named "WordDocument" and a workbook in "Workbook" (or
    // "Book" before Excel 97). Their names sit, UTF-16, in the file's directory; anything else (an encrypted package,
    // an installer) is refused.
    private static EvidenceKind? CompoundDocument(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        content.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.IndexOf(Encoding.Unicode.GetBytes("WordDocument\0")) >= 0)
            return EvidenceKind.Doc;
        if (bytes.IndexOf(Encoding.Unicode.GetBytes("Workbook\0")) >= 0 || bytes.IndexOf(Encoding.Unicode.GetBytes("Book\0")) >= 0)
            return EvidenceKind.Xls;
        return null;
    }

    /// <summary>A file name safe to show and to offer on download: no folders or control characters, the detected kind's extension.</summary>
    public static string SafeFileName(string? name, EvidenceKind kind)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string([.. bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|'))]).Trim();
        if (clean.Length > 120)
            clean = clean[..120];
        if (clean.Length == 0)
            clean = "佐证材料";
        var extension = Path.GetExtension(clean);
        var fits = string.Equals(extension, kind.Extension(), StringComparison.OrdinalIgnoreCase)
            || (kind == EvidenceKind.Jpeg && string.Equals(extension, ".jpeg", StringComparison.OrdinalIgnoreCase));
        return fits ? clean : clean + kind.Extension();
    }
}
