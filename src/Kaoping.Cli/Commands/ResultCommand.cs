using Kaoping.Schemes;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary>
/// <c>kaoping result --scheme S.json --input T.json</c>: one target's year result under a scheme;
/// <c>kaoping rank --scheme S.json --input TARGETS.json</c>: the ranking with grades after quotas.
/// </summary>
public static class ResultCommand
{
    public static int Result(CliArguments cli, TextWriter output)
    {
        var scheme = LoadScheme(cli.Required("--scheme"));
        var inputPath = cli.Required("--input");
        TargetInput input;
        using (var stream = RubricFiles.OpenFile(inputPath))
            input = TargetJson.Read(stream, inputPath, scheme);
        var result = SchemeResult.Of(scheme, input);
        if (cli.Has("--json"))
        {
            output.WriteLine(ResultJson.Write(result));
            return KaopingCli.Ok;
        }
        var zh = cli.Language == Language.Zh;
        output.WriteLine($"{result.Target}　{scheme.Title}");
        output.WriteLine(zh ? $"总分：{Points.Format(result.Score)} / {Points.Format(result.Points)}　等次：{result.Grade}"
            : $"Total: {Points.Format(result.Score)} / {Points.Format(result.Points)}  grade: {result.Grade}");
        foreach (var part in result.Parts)
            output.WriteLine($"  {part.Name}（{part.Key}）　{Points.Format(part.Score)} / {Points.Format(part.Points)}");
        if (scheme.Bonus is { } bonus)
            output.WriteLine(zh ? $"  加分　{Points.Format(result.Bonus)}（上限{Points.Format(bonus.Cap)}）"
                : $"  bonus  {Points.Format(result.Bonus)} (cap {Points.Format(bonus.Cap)})");
        var vetoes = result.Vetoes.Select(key => $"{scheme.Veto(key)!.Name}（{key}）").ToList();
        output.WriteLine(zh ? "  一票否决：" + (vetoes.Count == 0 ? "无" : string.Join("；", vetoes))
            : "  vetoes: " + (vetoes.Count == 0 ? "none" : string.Join("; ", vetoes)));
        return KaopingCli.Ok;
    }

    public static int Rank(CliArguments cli, TextWriter output)
    {
        var scheme = LoadScheme(cli.Required("--scheme"));
        var inputPath = cli.Required("--input");
        IReadOnlyList<TargetInput> inputs;
        using (var stream = RubricFiles.OpenFile(inputPath))
            inputs = TargetJson.ReadList(stream, inputPath, scheme);
        var ranking = SchemeRanking.Rank(scheme, [.. inputs.Select(i => SchemeResult.Of(scheme, i))]);
        if (cli.Has("--json"))
        {
            output.WriteLine(ResultJson.Write(ranking));
            return KaopingCli.Ok;
        }
        var zh = cli.Language == Language.Zh;
        output.WriteLine(zh ? $"{scheme.Title}　排名（{ranking.Count}个单位）" : $"{scheme.Title} — ranking ({ranking.Count} targets)");
        output.WriteLine(zh ? "名次\t被考评单位\t总分\t等次\t一票否决" : "rank\ttarget\ttotal\tgrade\tvetoes");
        foreach (var ranked in ranking)
        {
            var vetoes = string.Join("、", ranked.Result.Vetoes.Select(key => scheme.Veto(key)!.Name));
            output.WriteLine($"{ranked.Rank}\t{ranked.Result.Target}\t{Points.Format(ranked.Result.Score)}\t{ranked.Grade}\t{vetoes}");
        }
        return KaopingCli.Ok;
    }

    /// <summary>The scheme file; its rubrics are <c>builtin:NAME</c> or paths relative to it.</summary>
    internal static Scheme LoadScheme(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        using var stream = RubricFiles.OpenFile(path);
        return SchemeJson.Read(stream, path, reference => RubricFiles.Load(
            reference.StartsWith(Rubrics.BuiltInRubrics.Prefix, StringComparison.Ordinal) ? reference : Path.Combine(folder, reference)));
    }
}
