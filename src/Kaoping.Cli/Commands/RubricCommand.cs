using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary><c>kaoping rubric import|check|list</c>.</summary>
public static class RubricCommand
{
    public static int Import(CliArguments cli, TextWriter output)
    {
        var rubric = RubricFiles.Load(cli.Argument(2, "考评细则文件", "rubric file"));
        if (cli.Has("--json"))
        {
            output.WriteLine(RubricJson.Write(rubric, cli.Language));
            return KaopingCli.Ok;
        }
        var zh = cli.Language == Language.Zh;
        var items = rubric.Items.ToList();
        output.WriteLine(string.Join(zh ? "　" : "  ", new[] { rubric.Annex, rubric.Title }.Where(s => !string.IsNullOrEmpty(s))));
        output.WriteLine(zh
            ? $"总分：{Points.Format(rubric.Points)}分　指标：{rubric.Categories.Count}个　类别：{rubric.Subcategories.Count()}个　"
                + $"考评项目：{items.Count}项　扣分条款：{items.Sum(i => i.Clauses.Count)}条"
            : $"Total: {Points.Format(rubric.Points)} points; {rubric.Categories.Count} categories, {rubric.Subcategories.Count()} subcategories, "
                + $"{items.Count} items, {items.Sum(i => i.Clauses.Count)} clauses");
        foreach (var category in rubric.Categories)
        {
            var name = (category.Code is { } code ? code + "、" : "") + category.Name;
            var count = category.Subcategories.Sum(s => s.Items.Count);
            output.WriteLine(zh
                ? $"  {name}　{Points.Format(category.Points)}分（{category.Subcategories.Count}个类别，{count}项）"
                : $"  {name}  {Points.Format(category.Points)} points ({category.Subcategories.Count} subcategories, {count} items)");
        }
        var problems = RubricCheck.Check(rubric);
        output.WriteLine(problems.Count == 0
            ? zh ? "分值检查：一致" : "Points check: consistent"
            : zh ? $"分值检查：发现{problems.Count}个问题（运行 kaoping rubric check 查看）"
                : $"Points check: {problems.Count} problem(s) (run kaoping rubric check for them)");
        WriteWarnings(rubric, cli.Language, output);
        return KaopingCli.Ok;
    }

    public static int Check(CliArguments cli, TextWriter output)
    {
        var rubric = RubricFiles.Load(cli.Argument(2, "考评细则文件", "rubric file"));
        var problems = RubricCheck.Check(rubric);
        var zh = cli.Language == Language.Zh;
        if (problems.Count == 0)
        {
            output.WriteLine(zh
                ? $"分值一致：{rubric.Categories.Count}个指标、{rubric.Subcategories.Count()}个类别、{rubric.ItemCount}个考评项目，合计{Points.Format(rubric.Points)}分。"
                : $"Consistent: {rubric.Categories.Count} categories, {rubric.Subcategories.Count()} subcategories "
                    + $"and {rubric.ItemCount} items add up to {Points.Format(rubric.Points)} points.");
        }
        else
        {
            output.WriteLine(zh ? $"发现{problems.Count}个问题：" : $"{problems.Count} problem(s):");
            foreach (var problem in problems)
                output.WriteLine("  ✗ " + problem.Describe().In(cli.Language));
        }
        RubricReadout.Write(rubric, cli.Language, output);
        WriteWarnings(rubric, cli.Language, output);
        return problems.Count == 0 ? KaopingCli.Ok : KaopingCli.CheckFailed;
    }

    public static int List(TextWriter output)
    {
        foreach (var name in BuiltInRubrics.Names)
            output.WriteLine(BuiltInRubrics.Prefix + name);
        return KaopingCli.Ok;
    }

    private static void WriteWarnings(Rubric rubric, Language language, TextWriter output)
    {
        var zh = language == Language.Zh;
        var lines = rubric.Warnings.Select(w => w.In(language))
            .Concat(rubric.Items.SelectMany(i => i.Warnings.Select(w => $"{i.Key}（{i.Place.Describe().In(language)}）：{w.In(language)}")))
            .ToList();
        if (lines.Count == 0)
        {
            output.WriteLine(zh ? "提示：无" : "Warnings: none");
            return;
        }
        output.WriteLine(zh ? $"提示（{lines.Count}条）：" : $"Warnings ({lines.Count}):");
        foreach (var line in lines)
            output.WriteLine("  ! " + line);
    }
}
