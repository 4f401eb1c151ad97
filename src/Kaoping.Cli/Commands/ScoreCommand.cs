using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary><c>kaoping score --rubric FILE --findings FINDINGS.json</c>: a target's scores and 扣分及原因.</summary>
public static class ScoreCommand
{
    public static int Run(CliArguments cli, TextWriter output)
    {
        var rubric = RubricFiles.Load(cli.Required("--rubric"));
        var findingsPath = cli.Required("--findings");
        SheetFindings findings;
        using (var stream = RubricFiles.OpenFile(findingsPath))
            findings = FindingsJson.Read(stream, findingsPath, rubric);
        var score = Scorer.Score(rubric, findings);
        if (cli.Has("--json"))
        {
            output.WriteLine(ScoreJson.Write(score));
            return KaopingCli.Ok;
        }
        var zh = cli.Language == Language.Zh;
        output.WriteLine($"{score.Target}　{rubric.Title}");
        output.WriteLine(zh ? $"总分：{Points.Format(score.Score)} / {Points.Format(score.Points)}" : $"Total: {Points.Format(score.Score)} / {Points.Format(score.Points)}");
        foreach (var category in score.Categories)
        {
            output.WriteLine($"{(category.Code is { } code ? code + "、" : "")}{category.Name}　{Points.Format(category.Score)} / {Points.Format(category.Points)}");
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
