using Kaoping.Rubrics;

namespace Kaoping.Core.Tests.Rubrics;

public class TextRubricBoundsTests
{
    [Fact]
    public void ReadTable_ALineOfATableWithTooManyCells_IsNamed()
    {
        var text = "标题\n\t指标\t类别\t考评内容及要求\t考评标准\t分值\t扣分及原因\n" + new string('\t', TextRubricReader.MaxCells);

        var error = Assert.Throws<RubricFormatException>(() => TextRubricReader.ReadTable(text, "t.txt"));

        Assert.Equal("t.txt 第3行：表格超过50000个单元格，不是考评细则文本。", error.Text.Zh);
    }

    [Fact]
    public void ReadTable_TooManyLines_IsRefused()
    {
        var text = new string('\n', TextRubricReader.MaxLines);

        var error = Assert.Throws<RubricFormatException>(() => TextRubricReader.ReadTable(text, "t.txt"));

        Assert.Equal("t.txt: more than 100000 lines; not a rubric text.", error.Text.En);
    }
}
