using System.IO.Compression;
using System.Text;
using Kaoping.Campaigns;

namespace Kaoping.Core.Tests.Campaigns;

public class EvidenceKindsTests
{
    private static EvidenceKind? Detect(byte[] bytes) => EvidenceKinds.Detect(new MemoryStream(bytes));

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Ole(string stream)
    {
        var bytes = new byte[1536];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(stream + "\0").CopyTo(bytes, 1024);
        return bytes;
    }

    public static TheoryData<string, byte[], EvidenceKind?> Files => new()
    {
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), EvidenceKind.Pdf },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], EvidenceKind.Png },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], EvidenceKind.Jpeg },
        { "gif", Encoding.ASCII.GetBytes("GIF89a\u0001\0\u0001\0"), EvidenceKind.Gif },
        { "webp", Encoding.ASCII.GetBytes("RIFF\u0024\0\0\0WEBPVP8 "), EvidenceKind.Webp },
        { "docx", Zip("[Content_Types].xml", "word/document.xml"), EvidenceKind.Docx },
        { "xlsx", Zip("[Content_Types].xml", "xl/workbook.xml"), EvidenceKind.Xlsx },
        { "doc", Ole("WordDocument"), EvidenceKind.Doc },
        { "xls", Ole("Workbook"), EvidenceKind.Xls },
        { "an executable", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0], null },
        { "an ELF binary", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1], null },
        { "a shell script", Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /\n"), null },
        { "a plain zip", Zip("readme.txt"), null },
        { "a zip posing as Word", Zip("word/document.xml"), null },
        { "an encrypted Office file", Ole("EncryptedPackage"), null },
        { "HTML", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), null },
        { "nothing", [], null },
        { "a truncated zip", [(byte)'P', (byte)'K', 3, 4, 0, 0], null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Detect_TellsTheKindFromTheContent(string what, byte[] content, EvidenceKind? expected)
    {
        Assert.True(expected == Detect(content), what);
    }

    [Fact]
    public void Detect_LeavesTheStreamAtItsStart()
    {
        var stream = new MemoryStream(Zip("[Content_Types].xml", "word/document.xml"));

        EvidenceKinds.Detect(stream);

        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("会议纪要.pdf", EvidenceKind.Pdf, "会议纪要.pdf")]
    [InlineData("照片.JPEG", EvidenceKind.Jpeg, "照片.JPEG")]
    [InlineData("报告.exe", EvidenceKind.Pdf, "报告.exe.pdf")]
    [InlineData("../../etc/passwd", EvidenceKind.Png, "passwd.png")]
    [InlineData("C:\\Users\\张三\\台账.xlsx", EvidenceKind.Xlsx, "台账.xlsx")]
    [InlineData("a\"b<c>.pdf", EvidenceKind.Pdf, "abc.pdf")]
    [InlineData("", EvidenceKind.Docx, "佐证材料.docx")]
    public void SafeFileName_DropsFoldersAndForbiddenCharacters_AndMatchesTheKind(string name, EvidenceKind kind, string expected)
    {
        Assert.Equal(expected, EvidenceKinds.SafeFileName(name, kind));
    }
}
