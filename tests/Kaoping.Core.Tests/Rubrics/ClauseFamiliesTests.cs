using System.Globalization;
using Kaoping.Rubrics;
using Kaoping.Tests;

namespace Kaoping.Core.Tests.Rubrics;

/// <summary>One test per phrasing family of docs/scoring.md, in wordings the corpus does not hold.</summary>
public class ClauseFamiliesTests
{
    private static string Read(ExtractedCriteria read) => string.Join(" | ", read.Clauses.Select(c => c.Kind switch
    {
        ClauseKind.Range => $"range {c.Min}-{c.Max} {c.Cap}",
        _ => $"{c.Kind} {c.Amount} {c.Cap}",
    }).Select(s => s.TrimEnd()));

    [Theory]
    [InlineData("每少一次扣0.5分，扣完1分为止。", 2, "PerOccurrence 0.5 1", null)]
    [InlineData("每少一次扣0.5分，最多扣1分。", 2, "PerOccurrence 0.5 1", null)]
    [InlineData("未制定方案扣1分，每少一次扣0.5分，扣完2分为止。", 3, "Once 1 | PerOccurrence 0.5", "2")]
    [InlineData("每发现一处隐患扣0.5分（2分）。", 3, "PerOccurrence 0.5 2", null)]
    [InlineData("未建立台账扣1分，每缺一项扣0.5分，满分3分。", 3, "Once 1 | PerOccurrence 0.5", "3")]
    [InlineData("每少一次扣0.5分，扣至0分为止。", 2, "PerOccurrence 0.5", null)]
    [InlineData("发现一处扣1分，共3分。", 3, "PerOccurrence 1", "3")]
    public void Caps_InEveryForm(string criteria, int points, string clauses, string? itemCap)
    {
        var read = ClauseExtractor.Extract(criteria, points);

        Assert.Equal(clauses, Read(read));
        Assert.Equal(itemCap is null ? null : decimal.Parse(itemCap, CultureInfo.InvariantCulture), read.ItemCap);
        Assert.Empty(read.Warnings);
    }

    [Theory]
    [InlineData("一次未参加扣0.5分。", "{n}次未参加")]
    [InlineData("检查中一项不合格扣1分。", "检查中{n}项不合格")]
    [InlineData("发现一处未整改的扣0.5分。", "发现{n}处未整改")]
    [InlineData("档案少一个扣0.5分。", "档案少{n}个")]
    [InlineData("未持证上岗的扣1分/人。", "未持证上岗{n}人")]
    [InlineData("覆盖率每下降5个百分点扣1分。", "覆盖率下降5个百分点×{n}")]
    [InlineData("每缺一个月扣0.5分。", "缺{n}个月")]
    [InlineData("资料不完整的按卷扣2分。", "资料不完整的按{n}卷")]
    public void Counting_WithoutEvery(string criteria, string counted)
    {
        var clause = Assert.Single(ClauseExtractor.Extract(criteria, 5).Clauses);

        Assert.Equal(ClauseKind.PerOccurrence, clause.Kind);
        Assert.Equal(counted, clause.CountedCondition);
    }

    // 2.1 项: the numbering 2. runs into the count 1 项, as a PDF's extraction spaces it
    [Fact]
    public void Counting_AfterANumberingThatRunsIntoIt() =>
        Assert.Equal([ClauseKind.Once, ClauseKind.PerOccurrence],
            ClauseExtractor.Extract("1.无评估记录,扣5 分;2.1 项 未 评 估 扣 2分。", 10).Clauses.Select(c => c.Kind));

    [Theory]
    [InlineData("未做到每季度至少一次的扣1分。")]
    [InlineData("年内至少1次公布黑名单，未完成的扣1分。")]
    [InlineData("未建立一次性告知制度的扣1分。")]
    [InlineData("第一次检查未整改的扣1分。")]
    [InlineData("隐患一个月内未整改的扣1分。")]
    [InlineData("任一项未落实的扣1分。")]
    [InlineData("发现一处以上未整改的扣1分。")]
    [InlineData("事故发生后48小时内未上报的扣1分。")]
    [InlineData("整改率在2%—5%之间的扣1分。")]
    [InlineData("未建立3项制度的扣1分。")]
    public void NumbersInsideConditions_AreNotCounts(string criteria) =>
        Assert.Equal(ClauseKind.Once, Assert.Single(ClauseExtractor.Extract(criteria, 2).Clauses).Kind);

    [Theory]
    [InlineData("未制定计划、未备案的各扣0.5分。", new[] { "未制定计划", "未备案" })]
    [InlineData("未设立专门机构或配备专职人员各扣2分。", new[] { "未设立专门机构", "未配备专职人员" })]
    [InlineData("未按规定制定方案、计划的各扣1分。", new[] { "未按规定制定方案", "未按规定制定计划" })]
    [InlineData("无台账、记录的各扣1分。", new[] { "无台账", "无记录" })]
    [InlineData("未制定预案、未组织演练的分别扣1分。", new[] { "未制定预案", "未组织演练" })]
    public void SharedAmounts_GiveAClauseForEachCondition(string criteria, string[] conditions)
    {
        var read = ClauseExtractor.Extract(criteria, 4);

        Assert.Equal(conditions, read.Clauses.Select(c => c.Condition));
        Assert.All(read.Clauses, c => Assert.Equal(ClauseKind.Once, c.Kind));
    }

    [Theory]
    [InlineData("未落实安全扣1分。", ClauseKind.Once)]
    [InlineData("制度不健全扣1分。", ClauseKind.Once)]
    [InlineData("未纳入小计3分的，扣1分。", ClauseKind.Once)]
    [InlineData("人员每减1，未补充的扣1分。", ClauseKind.Once)]
    public void ZeroOutAndPositiveLookalikes_AreNeither(string criteria, ClauseKind kind) =>
        Assert.Equal(kind, Assert.Single(ClauseExtractor.Extract(criteria, 5).Clauses).Kind);

    [Fact]
    public void PositiveScoring_IsTheDeductionWhenNotMet()
    {
        var read = ClauseExtractor.Extract("按时报送的得0.5分；有记录的计0.5分。", 1);

        Assert.Equal("Once 0.5 | Once 0.5", Read(read));
        Assert.All(read.Clauses, c => Assert.True(c.WhenNotMet));
        Assert.Equal("未做到：按时报送", read.Clauses[0].FiredCondition);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void PositiveFullMarks_BeforeItsNegation_IsOneZeroOut()
    {
        var read = ClauseExtractor.Extract("控制在目标以内的得满分，超出的不得分。", 4);

        Assert.Equal("ZeroOut 4", Read(read));
        Assert.Equal("超出", read.Clauses[0].Condition);
    }

    [Theory]
    [InlineData("未开展的，扣除该条全部分值。")]
    [InlineData("未开展的计0分。")]
    [InlineData("发生责任事故的，全部扣完。")]
    [InlineData("未建立台账的扣全分。")]
    [InlineData("未提交方案的，该项目5分全部扣除。")]
    [InlineData("未采用自动化检测的，直接计0分。")]
    [InlineData("超指标全扣")]
    public void ZeroOut_InEveryForm(string criteria) =>
        Assert.Equal(ClauseKind.ZeroOut, Assert.Single(ClauseExtractor.Extract(criteria, 5).Clauses).Kind);

    [Theory]
    [InlineData("工作不到位的，酌情扣1～3分。", 1, 3)]
    [InlineData("工作不到位的，酌情扣0.5-2分。", 0.5, 2)]
    [InlineData("工作不到位的，视情节扣1至3分。", 1, 3)]
    [InlineData("整改不到位的扣0.5—1分。", 0.5, 1)]
    [InlineData("整改不到位的扣1--3分。", 1, 3)]
    [InlineData("整改不到位的扣5~10分。", 5, 10)]
    [InlineData("整改不到位的扣１～３分。", 1, 3)]
    public void Ranges_InEveryDashForm(string criteria, double min, double max)
    {
        var read = ClauseExtractor.Extract(criteria, 10);

        var clause = Assert.Single(read.Clauses);
        Assert.Equal((ClauseKind.Range, (decimal)min, (decimal)max), (clause.Kind, clause.Min, clause.Max));
        Assert.Empty(read.Warnings);
    }

    [Theory]
    [InlineData("每发现一处酌情扣1～2分。")]
    [InlineData("视面积扣分5—15分/次。")]
    [InlineData("酌情扣3～1分。")]
    [InlineData("考核结果未运用的，酌情扣分。")]
    [InlineData("第一次扣1分，依次扣2、3、4分。")]
    [InlineData("有弄虚作假的加倍扣分。")]
    [InlineData("未组织培训的扣2分（各1分，培训不全不得分）。")]
    public void WhatClausesCannotExpress_IsWarned(string criteria) =>
        Assert.NotEmpty(ClauseExtractor.Extract(criteria, 5).Warnings);

    [Theory]
    [InlineData("发生较大事故的，实行一票否决。", ItemEffect.Veto)]
    [InlineData("发生亡人事故的即为不合格。", ItemEffect.Veto)]
    [InlineData("发生瞒报的，所在类别不得分。", ItemEffect.ZeroesParent)]
    [InlineData("发生重伤事故的，安全管理考核分清零。", ItemEffect.ZeroesParent)]
    [InlineData("发生事故的，另扣总分2分。", ItemEffect.DeductsFromParent)]
    [InlineData("构成重大隐患的，追加扣除20分。", ItemEffect.DeductsFromParent)]
    [InlineData("未进行评估的。（B级否决项）", ItemEffect.ZeroesParent)]
    public void EffectsBeyondTheItem_AreFlaggedAndNamedInAWarning(string criteria, ItemEffect effect)
    {
        var read = ClauseExtractor.Extract(criteria, 5);

        Assert.Equal([effect], read.Effects);
        Assert.Contains(read.Warnings, w => w.Zh.Contains(ItemEffects.Chinese(effect), StringComparison.Ordinal));
        Assert.Empty(read.Clauses);
    }

    [Fact]
    public void AClauseThatMentionsTheVeto_IsNoVeto()
    {
        var read = ClauseExtractor.Extract("未建立“一票否决”制度的扣0.5分，未落实“一票否决”的扣0.5分。", 1);

        Assert.Empty(read.Effects);
        Assert.Equal(2, read.Clauses.Count);
    }

    [Theory]
    [InlineData("未制定方案的扣1分,未备案的扣0.5分;每少一次扣0.5分.")]
    [InlineData("未制定方案的扣1分，未备案的扣0.5分；每少一次扣0.5分。")]
    [InlineData("未制定方案的扣１分，未备案的扣０．５分；每少一次扣０．５分。")]
    public void Punctuation_AsciiOrFullWidth_ReadsAlike(string criteria) =>
        Assert.Equal("Once 1 | Once 0.5 | PerOccurrence 0.5", Read(ClauseExtractor.Extract(criteria, 3)));

    [Fact]
    public void ADocumentNote_AppliesToTheItemsAfterIt()
    {
        var text = TestData.Table("细则（3分）",
            ["一、管理（3分）", "类别（3分）", "（以下各项扣完为止）", "", "", ""],
            ["", "", "1.甲", "一项不符扣0.5分。", "1分", ""],
            ["", "", "2.乙", "未落实的扣1分，不涉及的不扣分。", "2分", ""]);

        var rubric = TextRubricReader.Read(text, "notes.txt");

        var items = rubric.Items.ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Empty(i.Warnings));
        Assert.Equal("（以下各项扣完为止）", items[0].Method);
        Assert.Equal("不涉及的不扣分；（以下各项扣完为止）", items[1].Method);
        Assert.Equal(ClauseKind.PerOccurrence, items[0].Clauses.Single().Kind);
    }
}
