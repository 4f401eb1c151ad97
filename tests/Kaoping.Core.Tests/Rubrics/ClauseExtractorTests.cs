using System.Globalization;
using System.Text.Json;
using Kaoping.Rubrics;
using Kaoping.Tests;

namespace Kaoping.Core.Tests.Rubrics;

public class ClauseExtractorTests
{
    public static TheoryData<string> SeedKeys()
    {
        var data = new TheoryData<string>();
        foreach (var item in JsonDocument.Parse(File.ReadAllText(TestData.DataFile("seed-clauses.json"))).RootElement.EnumerateArray())
            data.Add(item.GetProperty("key").GetString()!);
        return data;
    }

    /// <summary>seed-clauses.json was written by reading the seed, not by running the extractor.</summary>
    [Theory]
    [MemberData(nameof(SeedKeys))]
    public void Extract_SeedItem_GivesTheHandWrittenMethodAndClauses(string key)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(TestData.DataFile("seed-clauses.json"))).RootElement
            .EnumerateArray().Single(e => e.GetProperty("key").GetString() == key);
        Assert.True(ItemKey.TryParse(key, out var itemKey));
        var item = TestData.Seed.Find(itemKey)!;

        Assert.Equal(expected.GetProperty("points").GetDecimal(), item.Points);
        Assert.Equal(expected.GetProperty("method").GetString(), item.Method);
        var clauses = expected.GetProperty("clauses").EnumerateArray().ToList();
        Assert.Equal(clauses.Count, item.Clauses.Count);
        for (var i = 0; i < clauses.Count; i++)
        {
            var want = clauses[i];
            var got = item.Clauses[i];
            Assert.Equal(want.GetProperty("condition").GetString(), got.Condition);
            Assert.Equal(want.GetProperty("kind").GetString(), JsonNamingPolicy.CamelCase.ConvertName(got.Kind.ToString()));
            Assert.Equal(want.GetProperty("amount").GetDecimal(), got.Amount);
            Assert.Equal(want.GetProperty("cap").ValueKind == JsonValueKind.Null ? null : want.GetProperty("cap").GetDecimal(), got.Cap);
        }
        Assert.Empty(item.Warnings);
    }

    // Phrasings the seed does not use, one per family: amounts, triggers, separators, caps.
    [Theory]
    [InlineData("每处扣0.2分。", ClauseKind.PerOccurrence, "0.2", null)]
    [InlineData("台账不完整的，扣0.5分/家。", ClauseKind.PerOccurrence, "0.5", null)]
    [InlineData("未建立的扣一分。", ClauseKind.Once, "1", null)]
    [InlineData("未建立的扣两分。", ClauseKind.Once, "2", null)]
    [InlineData("未公示的扣半分。", ClauseKind.Once, "0.5", null)]
    [InlineData("未公示的扣１．５分。", ClauseKind.Once, "1.5", null)]
    [InlineData("未建立制度的，扣除0.5分。", ClauseKind.Once, "0.5", null)]
    [InlineData("未建立制度的扣减1分。", ClauseKind.Once, "1", null)]
    [InlineData("未按要求报送的，该项不得分。", ClauseKind.ZeroOut, "3", null)]
    [InlineData("未开展的不得分。", ClauseKind.ZeroOut, "3", null)]
    [InlineData("获得省级表彰的加1分，最多加2分。", ClauseKind.Bonus, "1", "2")]
    [InlineData("每发现一家企业未整改的扣0.5分，最多扣1分。", ClauseKind.PerOccurrence, "0.5", "1")]
    [InlineData("发现一家未整改的，扣0.5分，最高扣2分。", ClauseKind.PerOccurrence, "0.5", "2")]
    [InlineData("有一项未落实的扣0.5分，扣完为止。", ClauseKind.PerOccurrence, "0.5", null)]
    [InlineData("缺一项扣0.25分。", ClauseKind.PerOccurrence, "0.25", null)]
    [InlineData("覆盖率每降低1个百分点扣0.1分，最高扣2分。", ClauseKind.PerOccurrence, "0.1", "2")]
    [InlineData("每季度未开展检查的扣0.5分。", ClauseKind.PerOccurrence, "0.5", null)]
    [InlineData("应移送未移送的，每起扣1分。", ClauseKind.PerOccurrence, "1", null)]
    [InlineData("每年未开展演练的扣1分。", ClauseKind.Once, "1", null)]
    [InlineData("未做到每季度至少一次的扣1分。", ClauseKind.Once, "1", null)]
    [InlineData("未建立每月调度通报制度的扣0.5分。", ClauseKind.Once, "0.5", null)]
    [InlineData("规划、计划、考核一项未纳入的扣0.5分，直至此项分值扣完。", ClauseKind.PerOccurrence, "0.5", null)]
    [InlineData("查出一处隐患未整改的扣0.5分，扣完为止。", ClauseKind.PerOccurrence, "0.5", null)]
    [InlineData("事故信息迟报一次扣0.5分，扣满为止。", ClauseKind.PerOccurrence, "0.5", null)]
    [InlineData("发现１家企业未整改的扣0.5分，直至此项分值扣完。", ClauseKind.PerOccurrence, "0.5", null)]
    [InlineData("缺１次扣0.5分。", ClauseKind.PerOccurrence, "0.5", null)]
    [InlineData("每少2次扣1分。", ClauseKind.PerOccurrence, "1", null)]
    [InlineData("未按规定参加2分钟应急测试的扣0.5分。", ClauseKind.Once, "0.5", null)]
    [InlineData("未备案的扣零点五分。", ClauseKind.Once, "0.5", null)]
    [InlineData("查阅资料：未制定计划扣0.5分。", ClauseKind.Once, "0.5", null)]
    [InlineData("未做到至少一次检查的扣1分。", ClauseKind.Once, "1", null)]
    [InlineData("未形成报告的扣0.5分，直至此项分值扣完。", ClauseKind.Once, "0.5", null)]
    // issue 15: a single-instance phrase before the amount counts occurrences, with or without 扣完为止
    [InlineData("发现一家未整改的扣0.5分。", ClauseKind.PerOccurrence, "0.5", null)]
    public void Extract_UnseenPhrasing_GivesItsKindAmountAndCap(string criteria, ClauseKind kind, string amount, string? cap)
    {
        var extracted = ClauseExtractor.Extract(criteria, 3);

        var clause = Assert.Single(extracted.Clauses);
        Assert.Equal(kind, clause.Kind);
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), clause.Amount);
        Assert.Equal(cap is null ? null : decimal.Parse(cap, CultureInfo.InvariantCulture), clause.Cap);
        Assert.Empty(extracted.Warnings);
    }

    [Theory]
    [InlineData("未制定方案的扣0.5分、未备案的扣0.5分。")]
    [InlineData("未制定方案的扣0.5分;未备案的扣0.5分。")]
    [InlineData("未制定方案的扣0.5分,未备案的扣0.5分.")]
    [InlineData("未制定方案的扣0.5分。未备案的扣0.5分。")]
    [InlineData("未制定方案的，扣0.5分；未备案的，扣0.5分。")]
    public void Extract_SeparatorsBetweenClauses_EachKeepsItsOwnAmount(string criteria)
    {
        var extracted = ClauseExtractor.Extract(criteria, 1);

        Assert.Equal(["未制定方案", "未备案"], extracted.Clauses.Select(c => c.Condition));
        Assert.All(extracted.Clauses, c => Assert.Equal(0.5m, c.Amount));
    }

    [Theory]
    [InlineData("查阅会议纪要。每少一次扣0.5分。", "查阅会议纪要", "每少一次")]
    [InlineData("查阅文件，抽查3家企业，未建立台账的扣1分。", "查阅文件，抽查3家企业", "未建立台账")]
    [InlineData("以市应急局通报为准。未完成的扣1分。", "以市应急局通报为准", "未完成")]
    [InlineData("随机抽查不同行业部门每缺少一次的扣0.5分。", "", "随机抽查不同行业部门每缺少一次")]
    [InlineData("未完成的扣1分。", "", "未完成")]
    public void Extract_MethodBeforeTheClause_IsKeptApartFromTheCondition(string criteria, string method, string condition)
    {
        var extracted = ClauseExtractor.Extract(criteria, 1);

        Assert.Equal(method, extracted.Method);
        Assert.Equal(condition, extracted.Clauses.Single().Condition);
    }

    [Theory]
    [InlineData("由市考评组综合评定。")]
    [InlineData("按照市安委办通报情况评分。")]
    public void Extract_CriteriaWithoutAnyClause_WarnsAndKeepsTheTextAsMethod(string criteria)
    {
        var extracted = ClauseExtractor.Extract(criteria, 1);

        Assert.Empty(extracted.Clauses);
        Assert.NotEmpty(extracted.Warnings);
    }

    // issue 15: bounded discretion is a range clause, no longer a bare warning
    [Fact]
    public void Extract_DiscretionaryRange_IsARangeClauseWithItsBounds()
    {
        var extracted = ClauseExtractor.Extract("未纳入考核的扣1分；考核结果未运用的，酌情扣0.5～1分。", 2);

        Assert.Equal(["未纳入考核", "考核结果未运用"], extracted.Clauses.Select(c => c.Condition));
        var range = extracted.Clauses[1];
        Assert.Equal((ClauseKind.Range, 0.5m, 1m), (range.Kind, range.Min, range.Max));
        Assert.Empty(extracted.Warnings);
    }

    [Fact]
    public void Extract_TextAfterTheLastClause_IsNeverSilentlyDropped()
    {
        var extracted = ClauseExtractor.Extract("未建立台账的扣0.5分，情节严重的由考评组研究决定。", 1);

        Assert.Single(extracted.Clauses);
        Assert.Contains(extracted.Warnings, w => w.Zh.Contains("情节严重的由考评组研究决定"));
    }

    [Fact]
    public void Extract_ClosingNoteInBrackets_JoinsTheMethod()
    {
        var extracted = ClauseExtractor.Extract("查阅台账。未建立的扣1分。（注：以省平台统计为准）", 1);

        Assert.Empty(extracted.Warnings);
        Assert.Equal("查阅台账；（注：以省平台统计为准）", extracted.Method);
    }

    [Theory]
    [InlineData("每少一次扣0.5分。", "少{n}次")]
    [InlineData("未开展督导检查的缺少一次扣0.5分。", "未开展督导检查的缺少{n}次")]
    [InlineData("发现一家未开展网格化监管体系建设的，扣0.5分，直至此项分值扣完。", "发现{n}家未开展网格化监管体系建设")]
    [InlineData("一项未纳入的扣0.5分，直至此项分值扣完。", "{n}项未纳入")]
    [InlineData("未明确责任的，每发现1个部门扣0.5分。", "未明确责任的，发现{n}个部门")]
    [InlineData("台账不完整的，每处扣0.2分。", "台账不完整的，{n}处")]
    [InlineData("未整改的企业扣0.5分/家。", "未整改的企业{n}家")]
    public void Extract_PerOccurrenceClause_KeepsAConditionToCountIn(string criteria, string counted)
    {
        var clause = ClauseExtractor.Extract(criteria, 1).Clauses.Single();

        Assert.Equal(counted, clause.CountedCondition);
    }

    [Theory]
    [InlineData("未出台文件的，视情节扣一两分。")]
    [InlineData("工作不到位的酌情扣0.5分。")]
    [InlineData("未落实的扣99999999999999999999999999999分。")]
    [InlineData("全部完成的得2分，完成80%以上的得1分，其余不得分。")]
    public void Extract_DiscretionTiersAndAbsurdAmounts_AreWarningsNeverClauses(string criteria)
    {
        var extracted = ClauseExtractor.Extract(criteria, 2);

        Assert.Empty(extracted.Clauses);
        Assert.NotEmpty(extracted.Warnings);
    }

    [Theory]
    [InlineData("未制定计划扣1分，未备案扣1分，本项最多扣1.5分。", 1.5)]
    [InlineData("未制定计划扣1分；未备案扣1分；以上两项最多扣1.5分。", 1.5)]
    [InlineData("本项最多扣1分，未制定计划扣1分，未备案扣1分。", 1)]
    [InlineData("未制定计划扣1分，未备案扣1分，累计扣分不超过1.5分。", 1.5)]
    public void Extract_ACapOnTheWholeItem_IsTheItemsCapNotTheLastClauses(string criteria, double cap)
    {
        var extracted = ClauseExtractor.Extract(criteria, 2);

        Assert.Equal((decimal)cap, extracted.ItemCap);
        Assert.Equal(2, extracted.Clauses.Count);
        Assert.All(extracted.Clauses, c => Assert.Null(c.Cap));
        Assert.Empty(extracted.Warnings);
    }

    [Fact]
    public void Extract_GeKou_GivesAClauseForEachListedCondition()
    {
        var extracted = ClauseExtractor.Extract("查阅文件。未制定计划、未备案的各扣0.5分。", 1);

        Assert.Equal(["未制定计划", "未备案"], extracted.Clauses.Select(c => c.Condition));
        Assert.All(extracted.Clauses, c => Assert.Equal(0.5m, c.Amount));
    }

    [Fact]
    public void Extract_ClauseInBrackets_IsItsOwnClause()
    {
        var extracted = ClauseExtractor.Extract("未建立台账扣0.5分（每缺一项扣0.5分）。", 2);

        Assert.Equal(["未建立台账", "每缺一项"], extracted.Clauses.Select(c => c.Condition));
        Assert.Equal([ClauseKind.Once, ClauseKind.PerOccurrence], extracted.Clauses.Select(c => c.Kind));
        Assert.Empty(extracted.Warnings);
    }

    [Theory]
    [InlineData("1.未制定计划扣0.5分；2.未备案扣0.5分。", "")]
    [InlineData("（1）未制定计划扣0.5分；（2）未备案扣0.5分。", "")]
    [InlineData("查阅文件。①未制定计划扣0.5分；②未备案扣0.5分。", "查阅文件")]
    public void Extract_NumberedClauses_LoseTheirNumbers(string criteria, string method)
    {
        var extracted = ClauseExtractor.Extract(criteria, 1);

        Assert.Equal(["未制定计划", "未备案"], extracted.Clauses.Select(c => c.Condition));
        Assert.Equal(method, extracted.Method);
    }

    [Theory]
    [InlineData("抽查不少于3家企业，发现一家未整改的扣0.5分，直至此项分值扣完。", "抽查不少于3家企业", "发现一家未整改")]
    [InlineData("查阅有无制度，无制度的扣0.5分。", "查阅有无制度", "无制度")]
    [InlineData("说明：台账以省平台为准，未录入的扣0.5分。", "说明：台账以省平台为准", "未录入")]
    public void Extract_MethodsWithTriggerLookalikes_StayMethods(string criteria, string method, string condition)
    {
        var extracted = ClauseExtractor.Extract(criteria, 1);

        Assert.Equal(method, extracted.Method);
        Assert.Equal(condition, extracted.Clauses.Single().Condition);
    }

    [Fact]
    public void Extract_PerTwoOccurrences_CountsGroups()
    {
        var clause = ClauseExtractor.Extract("每少2次扣1分。", 3).Clauses.Single();

        Assert.Equal("少2次×{n}", clause.CountedCondition);
    }
}
