using System.Text.Json;
using Kaoping.Json;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary><c>kaoping rules parse --points N "CRITERIA"</c>: the clauses of one criteria text.</summary>
public static class RulesCommand
{
    public static int Parse(CliArguments cli, TextWriter output)
    {
        var pointsText = cli.Required("--points");
        if (!Points.TryParsePoints(pointsText, out var points) || points <= 0)
            throw new UsageException(LocalizedText.Format("分值“{0}”无法识别，应为正数，如 1 或 0.5。",
                "the points “{0}” cannot be read; give a positive number such as 1 or 0.5.", pointsText));
        var criteria = cli.Argument(2, "考评标准文字", "criteria text");
        if (cli.Words.Count > 3)
            throw new UsageException(LocalizedText.Format(
                "考评标准文字请用引号括起来作为一个参数（多出了“{0}”）。", "put the criteria text in quotes as one argument (“{0}” is extra).", cli.Words[3]));
        var extracted = ClauseExtractor.Extract(criteria, points);
        if (cli.Has("--json"))
        {
            var document = new
            {
                method = extracted.Method,
                clauses = extracted.Clauses.Select(ClauseDocument.Of),
                warnings = extracted.Warnings.Select(w => w.In(cli.Language)),
            };
            output.WriteLine(JsonSerializer.Serialize(document, KaopingJson.Options));
            return KaopingCli.Ok;
        }
        var zh = cli.Language == Language.Zh;
        output.WriteLine((zh ? "检查方法：" : "Method: ") + (extracted.Method.Length > 0 ? extracted.Method : zh ? "（无）" : "(none)"));
        for (var i = 0; i < extracted.Clauses.Count; i++)
            output.WriteLine($"  {i + 1}. {extracted.Clauses[i].Describe().In(cli.Language)}");
        if (extracted.Clauses.Count == 0)
            output.WriteLine(zh ? "  （没有扣分条款）" : "  (no clauses)");
        foreach (var effect in extracted.Effects)
            output.WriteLine("  ⚑ " + effect.Describe().In(cli.Language));
        foreach (var warning in extracted.Warnings)
            output.WriteLine("  ! " + warning.In(cli.Language));
        return KaopingCli.Ok;
    }
}
