using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary><c>kaoping score --rubric FILE --findings FINDINGS.json</c>: a target's scores and 扣分及原因.</summary>
public static class ScoreCommand
{
    /// <summary>The rubric of <c>--rubric</c> and the score of the findings in <c>--findings</c>.</summary>
    internal static (Rubrics.Rubric Rubric, SheetScore Score) Scored(CliArguments cli)
    {
        var rubric = RubricFiles.Load(cli.Required("--rubric"));
        var findingsPath = cli.Required("--findings");
        using var stream = RubricFiles.OpenFile(findingsPath);
        return (rubric, Scorer.Score(rubric, FindingsJson.Read(stream, findingsPath, rubric)));
    }

    public static int Run(CliArguments cli, TextWriter output)
    {
        var (rubric, score) = ScoreCommand.Scored(cli);
        if (cli.Has("--json"))
        {
            output.WriteLine(ScoreJson.Write(score));
            return KaopingCli.Ok;
        }
        var zh = cli.Language == Language.Zh;
        output.WriteLine($"{score.Target}　{rubric.Title}");
        output.WriteLine(zh ? $"总分：{Points.Format(score.Score)} / {Points.Format(score.Points)}"
            : $"Total: {Points.Format(score.Score)} / {Points.Format(score.Points)}");
        foreach (var category in score.Categories)
        {
            output.WriteLine(
                $"{(category.Code is { } code ? code + "、" : "")}{category.Name}　{Points.Format(category.Score)} / {Points.Format(category.Points)}");
            foreach (var subcategory in category.Subcategories)
            {
                output.WriteLine($"  {subcategory.Name}　{Points.Format(subcategory.Score)} / {Points.Format(subcategory.Points)}");
                foreach (var item in subcategory.Items)
                {
                    var reason = item.Reason.Length > 0 ? "　" + item.Reason : "";
                    output.WriteLine($"    {item.Key}　{Points.Format(item.Score)} / {Points.Format(item.Points)}{reason}");
                }
            }
        }
        return KaopingCli.Ok;
    }
}
