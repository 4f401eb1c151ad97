using System.Text;
using CsCheck;
using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Web.Services;
using Kaoping.Web.Services.Accidents;
using Kaoping.Web.Services.Spreadsheets;

namespace Kaoping.Fuzzing;

/// <summary>The readers of untrusted bytes that live in the web app: the workbooks an office uploads (accident statistics, targets, users).</summary>
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
            " › ", "填报员", "考评员、领导", "a@b.cn", "被考评单位名称", "用户名",
        }.Select(Encoding.UTF8.GetBytes).ToArray();
        var zipNames = new[] { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "[Content_Types].xml", "xl/styles.xml", "xl/vbaProject.bin", "../../evil.xml" };
        return
        [
            new("accident workbook", Gen.Frequency((3, Mutations.Zip([template], tokens, zipNames)), (1, Mutations.Bytes([template], tokens))),
                input => AccidentWorkbook.Read(new MemoryStream(input), "fuzz.xlsx")),
            Workbook("targets workbook", TargetWorkbook.Write([new Target { Name = "禹州市", Kind = "县（市）", Region = "河南省 › 许昌市" },
                new Target { Name = "东城区", Kind = "功能区" }]), tokens, zipNames, input => TargetWorkbook.Read(new MemoryStream(input), "fuzz.xlsx")),
            Workbook("users workbook", UserWorkbook.Write([new UserRow("1", "yuzhou", "填报员", Role.Reporter, "禹州市", [Role.Reporter], 1,
                false, false, "a@b.cn"), new UserRow("2", "leader", "领导", Role.Leader, null, [Role.Leader], null, false, false)]),
                tokens, zipNames, input => UserWorkbook.Read(new MemoryStream(input), "fuzz.xlsx")),
        ];
    }

    private static FuzzTarget Workbook(string name, byte[] seed, byte[][] tokens, string[] zipNames, Action<byte[]> read) =>
        new(name, Gen.Frequency((3, Mutations.Zip([seed], tokens, zipNames)), (1, Mutations.Bytes([seed], tokens))), read);
}
