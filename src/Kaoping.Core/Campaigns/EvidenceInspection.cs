using System.Text;
using Kaoping.Text;

namespace Kaoping.Campaigns;

/// <summary>
/// What an uploaded evidence file must not be, beyond an allowed kind: an Office file with macros, executables or
/// embedded objects, or one that unpacks beyond <see cref="OfficeLimits"/>; a PDF with scripts, launch actions or
/// attached files (<see cref="PdfInspection"/>); a name with characters that turn the text around to hide its kind.
/// Every refusal is an <see cref="InvalidInputException"/> naming the file and the part.
/// </summary>
public static class EvidenceInspection
{
    /// <summary>A 20 MB workbook may hold ten times that in XML; a bomb packs 1000:1.</summary>
    public static ZipLimits OfficeLimits { get; } = new(MaxEntries: 2000, MaxExpandedBytes: 256L * 1024 * 1024, MaxRatio: 200);

    private static readonly string[] s_executableExtensions =
    [
        ".exe", ".dll", ".com", ".scr", ".msi", ".msp", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".hta",
        ".jar", ".sys", ".cpl", ".lnk", ".pif", ".reg", ".sh", ".so", ".apk", ".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".ppsm",
    ];

    // The parts of macros (vbaProject.bin, vbaData.xml), ActiveX controls and embedded OLE objects.
    private static readonly string[] s_activeParts = ["vbaproject", "vbadata", "activex", "oleobject"];

    private static readonly string[] s_activeContentTypes = ["macroEnabled", "vbaProject", "oleObject", "activeX", "application/x-msdownload"];

    public static LocalizedText NotAnAllowedKind { get; } = new(
        "只能上传PDF、图片（JPG、PNG、GIF、WebP）、Word或Excel文件；这个文件的内容不是其中任何一种（按内容判断，与文件名无关）。",
        "Only PDF, images (JPG, PNG, GIF, WebP), Word and Excel files are accepted; this file's content is none of them (its name does not count).");

    /// <summary>The file's kind when it may be kept; otherwise throws, naming what was found where.</summary>
    public static EvidenceKind Inspect(Stream content, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        var kind = EvidenceKinds.Detect(content) ?? throw new InvalidInputException(NotAnAllowedKind);
        content.Position = 0;
        switch (kind)
        {
            case EvidenceKind.Docx or EvidenceKind.Xlsx:
                CheckOffice(content, source);
                break;
            case EvidenceKind.Pdf:
                PdfInspection.Check(content, source);
                break;
            case EvidenceKind.Doc or EvidenceKind.Xls:
                CheckCompoundDocument(content, source);
                break;
        }
        content.Position = 0;
        return kind;
    }

    /// <summary>Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) make “exe.pdf” show as “fdp.exe”.</summary>
    public static LocalizedText? NameProblem(string? fileName)
    {
        var control = fileName?.FirstOrDefault(IsBidiControl) ?? '\0';
        if (control == '\0')
            return null;
        var shown = new string([.. fileName!.Where(c => !IsBidiControl(c))]);
        return LocalizedText.Format("文件名“{0}”中含有改变文字方向的控制字符（U+{1:X4}），可能用来伪装文件类型，不接受；请改名后再上传。",
            "the file name “{0}” holds a character that turns the text's direction (U+{1:X4}) and can disguise the file's type; "
            + "rename the file and upload it again.",
            shown, (int)control);
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private static void CheckOffice(Stream content, string source)
    {
        using var zip = BoundedZip.Open(content, source, OfficeLimits, text => new InvalidInputException(text));
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            var lower = name.ToLowerInvariant();
            if (s_executableExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)) || s_activeParts.Any(lower.Contains)
                || (lower.Contains("/embeddings/") && lower.EndsWith(".bin", StringComparison.Ordinal)))
                throw Active(source, name);
            var head = new List<byte>(8);
            var contentTypes = name == "[Content_Types].xml" ? new MemoryStream() : null;
            zip.Unpack(entry, chunk =>
            {
                if (head.Count < 8)
                    head.AddRange(chunk[..Math.Min(chunk.Length, 8 - head.Count)]);
                contentTypes?.Write(chunk);
            });
            if (IsExecutableOrOle([.. head]))
                throw Active(source, name);
            if (contentTypes is not null)
            {
                var types = Encoding.UTF8.GetString(contentTypes.GetBuffer(), 0, (int)contentTypes.Length);
                if (s_activeContentTypes.FirstOrDefault(t => types.Contains(t, StringComparison.OrdinalIgnoreCase)) is { } type)
                    throw Active(source, name + "（" + type + "）");
            }
        }
    }

    // Windows and Linux programs, and OLE containers (an embedded object, or a macro project, under any name).
    private static bool IsExecutableOrOle(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) || head.StartsWith("\u007FELF"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    // An old Word or Excel file keeps macros in the storages "Macros", "VBA" or "_VBA_PROJECT_CUR", embedded objects in "ObjectPool".
    private static void CheckCompoundDocument(Stream content, string source)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        foreach (var storage in (string[])["Macros", "VBA", "_VBA_PROJECT_CUR", "ObjectPool"])
        {
            if (bytes.IndexOf(Encoding.Unicode.GetBytes(storage + "\0")) >= 0)
                throw Active(source, storage);
        }
    }

    private static InvalidInputException Active(string source, string part) => new(LocalizedText.Format(
        "{0}：其中的“{1}”是宏、可执行程序或嵌入对象，不接受；请另存为不含宏和嵌入对象的文件（或转为PDF）后再上传。",
        "{0}: its part “{1}” is a macro, a program or an embedded object and is refused; "
        + "save the file without macros or embedded objects (or as PDF), then upload it.",
        source, part));
}
