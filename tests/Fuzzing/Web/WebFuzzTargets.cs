using System.Text;
using CsCheck;
using Kaoping.Web.Services.Accidents;

namespace Kaoping.Fuzzing;

/// <summary>The readers of untrusted bytes that live in the web app: the accident statistics workbook an office uploads.</summary>
public static class WebFuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All()
    {
        var template = AccidentWorkbook.Template([("禹州市", new AccidentInput(1, 2, 0, 0, 0, 3, false)), ("长葛市", null),
            ("鄢陵县", new AccidentInput(0, 0, 1, 0, 0, 2, true))]);
        var tokens = new[]
        {
            "<row r=\"2\">", "</row>", "<c r=\"B2\"><v>", "</v></c>", " t=\"s\"", " t=\"inlineStr\"", "<is><t>是</t></is>", "<v>99999999999</v>",
            "<v>2.0</v>", "<v>-1</v>", "<v>1e400</v>", "<row r=\"4294967295\">", "<row r=\"0\">", "<c r=\"XFD1048576\">", "<si><t>禹州市</t></si>",
            "<sheetData>", "</sheetData>", "<!DOCTYPE d [<!ENTITY a \"aaaaaaaa\">]>", "&a;", "\"", "是", "否", "被考评单位",
        }.Select(Encoding.UTF8.GetBytes).ToArray();
        var zipNames = new[] { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "[Content_Types].xml", "xl/styles.xml", "xl/vbaProject.bin", "../../evil.xml" };
        return
        [
            new("accident workbook", Gen.Frequency((3, Mutations.Zip([template], tokens, zipNames)), (1, Mutations.Bytes([template], tokens))),
                input => AccidentWorkbook.Read(new MemoryStream(input), "fuzz.xlsx")),
        ];
    }
}
