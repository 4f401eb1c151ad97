using System.IO.Compression;
using System.Text;
using Kaoping.Text;
using Kaoping.Web.Services.Accidents;

namespace Kaoping.Web.Tests.Results;

/// <summary>The accident statistics workbook's reader on files the fuzzer made: refused with a reason, quickly, never a 500.</summary>
public class AccidentWorkbookBoundsTests
{
    private static byte[] Template() => AccidentWorkbook.Template([("禹州市", new AccidentInput(1, 0, 0, 0, 0, 3, false))]);

    private static byte[] WithPart(byte[] workbook, string name, string content)
    {
        using var output = new MemoryStream();
        output.Write(workbook);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(Encoding.UTF8.GetBytes(content));
        }
        return output.ToArray();
    }

    [Fact]
    public void APartNestedThousandsDeep_IsRefusedNamingThePart_BeforeTheDomLibraryReadsIt()
    {
        // 20,000 levels in the workbook's relationships took the Open XML SDK seconds (input 4969 of the fuzzer's seed 2026).
        var nested = string.Concat(Enumerable.Repeat("<c r=\"B2\"><v>", 20_000));
        var file = WithPart(Template(), "xl/_rels/workbook.xml.rels", nested);

        var refusal = Assert.Throws<InvalidInputException>(() => AccidentWorkbook.Read(new MemoryStream(file), "事故统计.xlsx"));

        Assert.Contains("事故统计.xlsx：其中的“xl/_rels/workbook.xml.rels”元素嵌套33层，超过32层的上限", refusal.Text.Zh);
    }

    [Fact]
    public void ARelationshipToAMissingPart_IsRefusedAsDamaged()
    {
        const string Rels = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
            + " Target=\"/xl/worksheets/none.xml\" Id=\"R1\" />"
            + "</Relationships>";
        var file = WithPart(Template(), "xl/_rels/workbook.xml.rels", Rels);

        var refusal = Assert.Throws<InvalidInputException>(() => AccidentWorkbook.Read(new MemoryStream(file), "事故统计.xlsx"));

        Assert.Contains("事故统计.xlsx：", refusal.Text.Zh);
        Assert.True(refusal.Text.Zh.Contains("已损坏") || refusal.Text.Zh.Contains("找不到"), refusal.Text.Zh);
    }

    [Fact]
    public void TheTemplate_StillReads()
    {
        var rows = AccidentWorkbook.Read(new MemoryStream(Template()), "事故统计.xlsx");

        Assert.Equal(("禹州市", 1, 3), (rows.Single().Target, rows.Single().Input.Deaths, rows.Single().Input.DeathQuota));
    }
}
