using System.Diagnostics;

namespace Kaoping.Cli.Tests;

/// <summary>Bad input: exit code 2, one clear message naming the file and the place, nothing on standard output.</summary>
public class BadInputTests
{
    private static void AssertRefused(CliRun run, params string[] fragments)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Single(run.Err.TrimEnd().Split('\n'));
        foreach (var fragment in fragments)
            Assert.Contains(fragment, run.Err);
    }

    [Fact]
    public void MissingFile_IsNamed() =>
        AssertRefused(CliRun.Of("rubric", "import", "/no/such/rubric.txt"), "错误：/no/such/rubric.txt：找不到这个文件");

    [Fact]
    public void MissingFile_InEnglish() =>
        AssertRefused(CliRun.Of("rubric", "check", "/no/such/rubric.txt", "--lang", "en"), "error: /no/such/rubric.txt: no such file");

    [Fact]
    public void RandomBytes_AreNotARubric()
    {
        var bytes = new byte[2048];
        new Random(3).NextBytes(bytes);
        var file = CliRun.TempFile(bytes, ".txt");

        AssertRefused(CliRun.Of("rubric", "import", file), file, "不是文本文件");
    }

    [Fact]
    public void ZipFile_IsRecognisedAsWord()
    {
        var file = CliRun.TempFile([(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0], ".docx");

        AssertRefused(CliRun.Of("rubric", "import", file), file, "Word（.docx）");
    }

    [Fact]
    public void TextInAnotherLayout_IsRefused()
    {
        var file = CliRun.TempFile("一份通知\n各县（市、区）：\n请按时报送材料。", ".txt");

        AssertRefused(CliRun.Of("rubric", "import", file), file, "不是考评细则的表格文本");
    }

    [Fact]
    public void RowWithTheWrongNumberOfCells_IsRefusedWithItsLine() =>
        AssertRefused(CliRun.Of("rubric", "check", CliRun.Unseen("bad-cells.txt")), "bad-cells.txt 第44行", "单元格数不对");

    [Fact]
    public void UnreadablePoints_AreRefusedWithTheirLine() =>
        AssertRefused(CliRun.Of("rubric", "import", CliRun.Unseen("bad-points.txt"), "--json"), "bad-points.txt 第50行", "一分半");

    [Theory]
    [InlineData("""{"target":"禹州市","findings":[{"item":"7.1.1","clause":1}]}""", "第1条发现：没有考评项目“7.1.1”")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":4}]}""", "没有第4条")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":1,"count":-2}]}""", "应是0或正整数")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"1.1.2","clause":1,"count":0.5}]}""", "应是0或正整数")]
    [InlineData("""{"target":"禹州市","findings":[{"item":"4.6.1","deduction":0.5,"reason":""}]}""", "必须写明原因")]
    [InlineData("""not json""", "不是合法的 JSON")]
    public void Score_BadFindings_AreRefusedWithTheirPlace(string json, string message)
    {
        var file = CliRun.TempFile(json);

        AssertRefused(CliRun.Of("score", "--rubric", CliRun.Seed, "--findings", file), file, message);
    }

    [Fact]
    public void Score_BadFindings_InEnglish()
    {
        var file = CliRun.TempFile("""{"target":"禹州市","findings":[{"item":"7.1.1","clause":1}]}""");

        AssertRefused(CliRun.Of("score", "--rubric", CliRun.Seed, "--findings", file, "--lang", "en"), "finding 1: there is no item “7.1.1”");
    }

    [Theory]
    [InlineData(new[] { "rubric", "import" }, "缺少参数")]
    [InlineData(new[] { "frobnicate" }, "不认识的命令")]
    [InlineData(new[] { "rubric", "import", "x.txt", "--bogus" }, "不认识的选项")]
    [InlineData(new[] { "rules", "parse", "未落实的扣1分" }, "缺少选项 --points")]
    [InlineData(new[] { "rules", "parse", "--points", "abc", "未落实的扣1分" }, "分值“abc”无法识别")]
    [InlineData(new[] { "score", "--rubric", "builtin:nope", "--findings", "f.json" }, "没有名为“nope”的内置考评细则")]
    [InlineData(new[] { "rubric", "import", "x.txt", "--lang", "fr" }, "不支持的语言")]
    public void Usage_Mistakes_AreRefused(string[] args, string message) => AssertRefused(CliRun.Of(args), message);

    [Fact]
    public void TheExecutable_IsNamedKaopingAndExitsTwoOnBadInput()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kaoping.dll");
        Assert.True(File.Exists(dll), "kaoping.dll is built next to the tests");
        var start = new ProcessStartInfo("dotnet", [dll, "rubric", "import", "/no/such/file.txt"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("", stdout);
        Assert.Contains("找不到这个文件", stderr);
    }
}
