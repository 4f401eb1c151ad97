using System.Text.Json;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary>
/// What the reader made of each item: its clauses with kind, amount and cap, its own cap, effects beyond it and its
/// warnings — so an office sees at a glance which items it must score by hand.
/// </summary>
internal static class RubricReadout
{
    public static void Write(Rubric rubric, Language language, TextWriter output)
    {
        var zh = language == Language.Zh;
        var byHand = rubric.Items.Count(NeedsHand);
        output.WriteLine(zh
            ? $"逐项读取（{rubric.ItemCount}项，其中{byHand}项需人工判断）："
            : $"Read item by item ({rubric.ItemCount} items, {byHand} to be judged by hand):");
        foreach (var item in rubric.Items)
        {
            var cap = item.Cap is { } c ? (zh ? $"，本项最多扣{Points.Format(c)}分" : $", at most {Points.Format(c)} off the item") : "";
            var mark = NeedsHand(item) ? (zh ? "　⚠ 需人工判断" : "  ⚠ judge by hand") : "";
            output.WriteLine(zh
                ? $"  {item.Key}（{Points.Format(item.Points)}分{cap}）{mark}"
                : $"  {item.Key} ({Points.Format(item.Points)} points{cap}){mark}");
            for (var i = 0; i < item.Clauses.Count; i++)
                output.WriteLine($"    {i + 1}. [{Read(item.Clauses[i], zh)}] {item.Clauses[i].Describe().In(language)}");
            if (item.Clauses.Count == 0)
                output.WriteLine(zh ? "    （没有可自动计分的条款）" : "    (no clause to score automatically)");
            if (item.BonusAlternatives)
                output.WriteLine(zh ? "    ↥ 加分条款为同一事项的不同级别，按最高一项计" : "    ↥ the bonus clauses are alternatives: the highest counts once");
            if (item.NotApplicableFull)
                output.WriteLine(zh ? "    ○ 不涉及的不扣分" : "    ○ not applicable: keeps its points");
            foreach (var effect in item.Effects)
                output.WriteLine("    ⚑ " + effect.Describe().In(language));
            foreach (var warning in item.Warnings)
                output.WriteLine("    ! " + warning.In(language));
        }
    }

    private static bool NeedsHand(RubricItem item) =>
        item.Warnings.Count > 0 || item.Effects.Count > 0 || item.Clauses.Any(c => c.Kind == ClauseKind.Range);

    // perOccurrence 0.5, cap 2 — the kind as the JSON names it
    private static string Read(Clause clause, bool zh)
    {
        var kind = JsonNamingPolicy.CamelCase.ConvertName(clause.Kind.ToString());
        var amount = clause.Kind switch
        {
            ClauseKind.ZeroOut => zh ? "本项分值" : "item points",
            ClauseKind.Range => $"{Points.Format(clause.Min ?? 0)}–{Points.Format(clause.Max)}",
            _ => Points.Format(clause.Amount),
        };
        var cap = clause.Cap is { } c ? (zh ? $"，上限{Points.Format(c)}" : $", cap {Points.Format(c)}") : "";
        return $"{kind} {amount}{cap}";
    }
}
