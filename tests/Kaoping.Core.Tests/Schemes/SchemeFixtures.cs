using System.Text;
using Kaoping.Rubrics;
using Kaoping.Schemes;
using Kaoping.Scoring;
using Kaoping.Tests;
using Kaoping.Text;

namespace Kaoping.Core.Tests.Schemes;

/// <summary>The sample scheme under samples/scheme, and small rubrics whose arithmetic is easy to follow.</summary>
internal static class SchemeFixtures
{
    public static string SampleFolder => Path.Combine(AppContext.BaseDirectory, "samples", "scheme");

    /// <summary>1.1.1 每少一次扣1分 (4), 1.1.2 未落实的扣1分，不涉及的不扣分 (3), 1.1.3 未开展的扣3分 (3): 10 points.</summary>
    public static Rubric Ten { get; } = TextRubricReader.Read(TestData.Table("附件1\n测试细则（10分）",
        ["一、工作（10分）", "甲（10分）", "1.甲一", "每少一次扣1分。", "4分", ""],
        ["", "", "2.甲二", "未落实的扣1分，不涉及的不扣分。", "3分", ""],
        ["", "", "3.甲三", "未开展的扣3分。", "3分", ""]), "ten.txt");

    /// <summary>1.1.1 未开展的扣4分 (4), 1.1.2 未落实的扣4分 (4): 8 points.</summary>
    public static Rubric Eight { get; } = TextRubricReader.Read(TestData.Table("附件2\n测试细则（8分）",
        ["一、工作（8分）", "乙（8分）", "1.乙一", "未开展的扣4分。", "4分", ""],
        ["", "", "2.乙二", "未落实的扣4分。", "4分", ""]), "eight.txt");

    public static Rubric Load(string reference) => reference switch
    {
        "ten.txt" => Ten,
        "eight.txt" => Eight,
        _ when reference.StartsWith(BuiltInRubrics.Prefix, StringComparison.Ordinal) => BuiltInRubrics.Load(reference[BuiltInRubrics.Prefix.Length..]),
        _ => File.Exists(Path.Combine(SampleFolder, reference))
            ? TextRubricReader.Read(File.ReadAllText(Path.Combine(SampleFolder, reference)), reference)
            : throw new InvalidInputException(LocalizedText.Format("{0}：找不到这个文件。", "{0}: no such file.", reference)),
    };

    public static Scheme Sample { get; } = ReadFile("scheme.json");

    public static Scheme ReadFile(string name)
    {
        using var stream = File.OpenRead(Path.Combine(SampleFolder, name));
        return SchemeJson.Read(stream, name, Load);
    }

    public static Scheme Read(string json) => SchemeJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "s.json", Load);

    public static InvalidInputException Refused(string json) => Assert.ThrowsAny<InvalidInputException>(() => Read(json));

    public static TargetInput Target(string json, Scheme scheme) =>
        TargetJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "t.json", scheme);

    public static TargetInput Input(string target, string part, IReadOnlyList<Finding>? findings = null, IReadOnlyList<ItemKey>? notApplicable = null) =>
        new(target, new Dictionary<string, PartInput> { [part] = new(findings ?? [], notApplicable ?? []) }, [], []);

    public static ItemKey Key(string key) => ItemKey.Parse(key);
}
