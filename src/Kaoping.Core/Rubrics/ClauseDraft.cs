using System.Text.RegularExpressions;

namespace Kaoping.Rubrics;

/// <summary>A clause while its text is read: its kind is settled once the modifiers after it are known.</summary>
internal sealed class ClauseDraft(string condition, ClauseKind kind, decimal amount, string amountText, string? perUnit, decimal? min = null)
{
    private const string TimeUnits = "月个月季度天周";

    public decimal? Cap { get; set; }

    /// <summary>Read from positive scoring (…的得0.5分): deducted when the condition is not met.</summary>
    public bool Positive { get; init; }

    public string Condition => condition;

    public ClauseKind Kind => kind;

    public decimal Amount => amount;

    public string AmountText => amountText;

    public Clause ToClause()
    {
        if (kind == ClauseKind.ZeroOut)
            return new Clause(condition, kind, amount, Cap);
        if (kind == ClauseKind.Range)
            return new Clause(condition, kind, amount, Cap, Min: min);
        if (Positive)
            return new Clause(condition, ClauseKind.Once, amount, Cap, WhenNotMet: true);
        var counted = CountedCondition();
        if (kind == ClauseKind.Bonus)
            return new Clause(condition, kind, amount, Cap, counted);
        return counted is null
            ? new Clause(condition, ClauseKind.Once, amount, Cap)
            : new Clause(condition, ClauseKind.PerOccurrence, amount, Cap, counted);
    }

    /// <summary>Whether the condition names something counted (每…, 缺一…, 一项…): a range cannot be counted.</summary>
    public bool Counts => perUnit is not null || CountedCondition() is not null;

    // The condition with its occurrence phrase as a template, or null when the clause counts nothing.
    private string? CountedCondition()
    {
        if (perUnit is not null)
            return condition + Clause.CountPlaceholder + perUnit;
        if (LastEvery() is { } every)
            return EveryTemplate(every);
        if (ClauseGrammar.MissingPhrase().Match(condition) is { Success: true } missing)
            return Template(missing, missing.Groups["verb"].Value);
        if (ClauseGrammar.ByUnit().Match(condition) is { Success: true } by)
            return condition[..by.Index] + "按" + Clause.CountPlaceholder + by.Groups["unit"].Value;
        if (ClauseGrammar.SingleInstance().Match(condition) is { Success: true } single)
            return Template(single, "");
        return null;
    }

    // 市每半年、县每季至少一次，每少一次: the phrase nearest the amount is what is counted.
    private Match? LastEvery()
    {
        Match? found = null;
        foreach (Match every in ClauseGrammar.EveryPhrase().Matches(condition))
            if (!IsEveryAsFrequency(every))
                found = every;
        return found;
    }

    // 未建立每月调度制度: 每 + a time unit inside the condition says how often, not what is counted.
    private bool IsEveryAsFrequency(Match every) =>
        TimeUnits.Contains(every.Groups["unit"].Value, StringComparison.Ordinal) && every.Groups["verb"].Length == 0
        && every.Index > 0 && condition[every.Index - 1] is not ('，' or ',' or '的' or '；');

    private string EveryTemplate(Match every)
    {
        var num = every.Groups["num"];
        var one = !num.Success || num.Value is "一" or "1" or "１";
        var phrase = every.Groups["verb"].Value + (one ? Clause.CountPlaceholder : num.Value) + every.Groups["unit"].Value;
        // 每少2次 counts groups of two: 少2次×3
        var counted = one ? phrase : phrase + "×" + Clause.CountPlaceholder;
        return condition[..every.Index] + counted + condition[(every.Index + every.Length)..];
    }

    private string Template(Match match, string prefix) =>
        condition[..match.Index] + prefix + Clause.CountPlaceholder + match.Groups["unit"].Value + condition[(match.Index + match.Length)..];
}
