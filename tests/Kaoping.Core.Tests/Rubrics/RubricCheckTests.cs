using Kaoping.Rubrics;
using Kaoping.Tests;

namespace Kaoping.Core.Tests.Rubrics;

public class RubricCheckTests
{
    [Fact]
    public void Check_Seed_FindsNothing() => Assert.Empty(RubricCheck.Check(TestData.Seed));

    [Fact]
    public void Check_PointsThatDoNotAddUp_NameTheSubcategoryAndTheCategory()
    {
        var rubric = TextRubricReader.Read(File.OpenRead(TestData.Unseen("bad-sum.txt")), "bad-sum.txt");

        var problems = RubricCheck.Check(rubric);

        Assert.Equal(2, problems.Count);
        Assert.Contains("街道党工委办事处领导责任", problems[0].Path);
        Assert.Equal(18, problems[0].Place.Line);
        Assert.Contains("5.5分，与类别分值6分不符", problems[0].Message.Zh);
        Assert.Equal("二、隐患治理", problems[1].Path);
        Assert.Equal(62, problems[1].Place.Line);
        Assert.Contains("8分，与指标分值10分不符", problems[1].Message.Zh);
    }

    [Fact]
    public void Check_CategoriesNotAddingUpToTheTitle_IsReported()
    {
        var text = TestData.Table("规则（5分）", ["一、管理（1分）", "类别（1分）", "甲", "未落实的扣1分。", "1分", ""]);

        var problem = Assert.Single(RubricCheck.Check(TextRubricReader.Read(text, "t.txt")));

        Assert.Contains("与总分5分不符", problem.Message.Zh);
    }

    [Fact]
    public void Check_ClauseWorthMoreThanItsItem_IsAContradiction()
    {
        var text = TestData.Table("规则（1分）", ["一、管理（1分）", "类别（1分）", "1.甲", "未落实的扣2分。", "1分", ""]);

        var problem = Assert.Single(RubricCheck.Check(TextRubricReader.Read(text, "t.txt")));

        Assert.Contains("一、管理 › 类别 › 第1项（1.1.1）", problem.Path);
        Assert.Contains("扣分2分超过该项分值1分", problem.Message.Zh);
        Assert.Contains("t.txt 第", problem.Describe().Zh);
    }

    [Fact]
    public void Check_CapBelowTheAmount_IsAContradiction()
    {
        var text = TestData.Table("规则（2分）", ["一、管理（2分）", "类别（2分）", "1.甲", "每处扣1分，最多扣0.5分。", "2分", ""]);

        var problem = Assert.Single(RubricCheck.Check(TextRubricReader.Read(text, "t.txt")));

        Assert.Contains("上限0.5分小于每次的1分", problem.Message.Zh);
    }
}
