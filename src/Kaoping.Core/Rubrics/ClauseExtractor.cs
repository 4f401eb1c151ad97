using System.Text.RegularExpressions;
using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>A criteria text read as the assessor's method (what to check) and its clauses.</summary>
public sealed record ExtractedCriteria(string Method, IReadOnlyList<Clause> Clauses, IReadOnlyList<LocalizedText> Warnings);

/// <summary>
/// Turns a criteria text (考评标准) into clauses. It is a small grammar over the phrasing families of the
/// rubrics: a clause is a condition followed by an amount (扣X分, 不得分, 加X分) and then modifiers (a cap
/// 最多扣X分, the repeat marker 直至此项分值扣完). Text it cannot classify becomes a warning, never a guess.
/// </summary>
public static partial class ClauseExtractor
{
    private const string Number = @"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?|半)";
    private const string Unit = "(?:个百分点|百分点|个季度|季度|个月|人次|次|个|家|处|项|件|人|条|份|起|名|所|户|座|台|辆|月|批|类|场|本|宗|例|篇|期|张|天)";
    private const string Separators = "，,；;。.、：: \t\r\n\u3000";

    [GeneratedRegex(
        "(?<range>(?:酌情|视情况?)?(?:扣除|扣减|扣|减|加)\\s*" + Number + "\\s*分?\\s*(?:[-~～—–－]|至|到)\\s*" + Number + "\\s*分)" +
        "|(?<discretion>(?:酌情|视情况?)(?:扣分|扣减|加分|加减分|扣除)|综合评定|综合评分)" +
        "|(?<cap>(?:累计|合计|此项|该项|本项)?(?:最多|最高|至多|不超过|上限为?)\\s*可?(?:扣除|扣减|扣|减|加)?\\s*(?<capnum>" + Number + ")\\s*分)" +
        "|(?<repeat>直至(?:此项|该项|本项)?(?:分值|分数)?扣完(?:为止)?|扣完(?:为止|即止)|扣至0分为?止|(?:此项|该项|本项)分值?扣完为止)" +
        "|(?<zero>(?:该项|此项|本项|该条|本条|该指标|此指标)?(?:不得分|不给分|不计分|得0分|计0分|记0分)|扣除?(?:该项|此项|本项)(?:全部)?分(?:值|数)|(?:该项|此项|本项)(?:分值|分数)?(?:全扣|全部扣除|全部扣完))" +
        "|(?<deduct>(?:扣除|扣减|扣|减)\\s*(?<num>" + Number + ")\\s*分(?:\\s*[/／]\\s*(?<per>" + Unit + "))?)" +
        "|(?<bonus>(?:加|奖励|奖)\\s*(?<bnum>" + Number + ")\\s*分(?:\\s*[/／]\\s*(?<bper>" + Unit + "))?)")]
    private static partial Regex Markers();

    // 每少一次, 每发现1个部门, 每有一项, 每处, 每降低1个百分点 (but not 每年…, which is once a year)
    [GeneratedRegex("每(?<verb>[^，,；;。、每年未不的]{0,4}?)(?<num>[一1])?\\s*(?<unit>" + Unit + ")")]
    private static partial Regex EveryPhrase();

    // 缺少一次, 少一次, 缺一项 (but not 至少一次)
    [GeneratedRegex("(?<!至)(?<verb>缺少|缺失|缺|少|漏)(?<num>[一1])\\s*(?<unit>" + Unit + ")")]
    private static partial Regex MissingPhrase();

    // 发现一家, 一处, 一项, 有一项: repeatable when 直至此项分值扣完 (or a cap) follows
    [GeneratedRegex("(?:^|发现|有|存在|出现)(?<num>一|1)\\s*(?<unit>" + Unit + ")")]
    private static partial Regex SingleInstance();

    [GeneratedRegex("^(?:随机|现场|实地|重点)?(?:查阅|抽查|调阅|查看|察看|检查|核查|核实|查询|听取|询问|走访|暗访|座谈|抽取|查验|审阅|比对|抽考|考试|测试|问卷|对照)")]
    private static partial Regex MethodVerb();

    [GeneratedRegex("未|没有|无|缺|少于|低于|超过|发现|每|不足|不到|不符|不按|不及时|不得|扣")]
    private static partial Regex Trigger();

    public static ExtractedCriteria Extract(string criteria, decimal itemPoints)
    {
        var text = criteria.Trim();
        var drafts = new List<Draft>();
        var warnings = new List<LocalizedText>();
        var method = new List<string>();
        var position = 0;
        foreach (Match marker in Markers().Matches(text))
        {
            var before = text[position..marker.Index];
            if (marker.Groups["cap"].Success || marker.Groups["repeat"].Success)
            {
                var last = drafts.Count > 0 ? drafts[^1] : null;
                if (!IsOnlySeparators(before))
                    Unrecognized(warnings, before);
                if (last is null)
                    Unrecognized(warnings, marker.Value);
                else if (marker.Groups["cap"].Success)
                    last.Cap = ParseNumber(marker.Groups["capnum"].Value);
                else
                    last.Repeat = true;
            }
            else
            {
                var condition = SplitMethod(before, method);
                if (marker.Groups["range"].Success || marker.Groups["discretion"].Success)
                    Unrecognized(warnings, Join(condition, marker.Value));
                else
                    drafts.Add(NewDraft(marker, condition, itemPoints));
            }
            position = marker.Index + marker.Length;
        }

        var rest = text[position..];
        if (drafts.Count == 0 && warnings.Count == 0)
        {
            method.Add(TrimSeparators(rest));
            warnings.Add(LocalizedText.Format(
                "考评标准中没有找到扣分条款（如“扣0.5分”），请考评员人工扣分并写明原因。",
                "No deduction clause (such as “扣0.5分”) was found in the criteria; the assessor enters a manual deduction with a reason."));
        }
        else if (IsNote(rest))
        {
            method.Add(TrimSeparators(rest));
        }
        else if (!IsOnlySeparators(rest))
        {
            Unrecognized(warnings, rest);
        }

        var clauses = new List<Clause>(drafts.Count);
        foreach (var draft in drafts)
        {
            var clause = draft.ToClause();
            if (clause.Condition.Length == 0)
                warnings.Add(LocalizedText.Format(
                    "扣分条款“{0}”前没有写明条件。", "The clause “{0}” has no condition before it.", draft.AmountText));
            if (clause.Amount <= 0)
                warnings.Add(LocalizedText.Format(
                    "扣分条款“{0}”的分值为0。", "The clause “{0}” is worth nothing.", draft.AmountText));
            clauses.Add(clause);
        }
        return new ExtractedCriteria(string.Join("；", method.Where(m => m.Length > 0)), clauses, warnings);
    }

    private static Draft NewDraft(Match marker, string condition, decimal itemPoints)
    {
        if (marker.Groups["zero"].Success)
            return new Draft(condition, ClauseKind.ZeroOut, itemPoints, marker.Value, null);
        var isBonus = marker.Groups["bonus"].Success;
        var amount = ParseNumber(marker.Groups[isBonus ? "bnum" : "num"].Value);
        var per = marker.Groups[isBonus ? "bper" : "per"];
        var perUnit = per.Success ? per.Value : null;
        return new Draft(condition, isBonus ? ClauseKind.Bonus : ClauseKind.Once, amount, marker.Value, perUnit);
    }

    /// <summary>
    /// Splits the text before an amount into the method (sentences before the clause's own sentence, and its
    /// leading 查阅…/抽查… segments) and the clause's condition.
    /// </summary>
    private static string SplitMethod(string before, List<string> method)
    {
        var body = TrimSeparators(before);
        var sentenceEnd = LastSentenceEnd(body);
        if (sentenceEnd >= 0)
        {
            method.Add(TrimSeparators(body[..(sentenceEnd + 1)]));
            body = body[(sentenceEnd + 1)..];
        }
        var segments = body.Split('，', ',');
        var taken = 0;
        while (taken < segments.Length - 1 && MethodVerb().IsMatch(segments[taken].Trim()) && !Trigger().IsMatch(segments[taken]))
            taken++;
        if (taken > 0)
        {
            var methodLength = segments.Take(taken).Sum(s => s.Length + 1);
            method.Add(TrimSeparators(body[..methodLength]));
            body = body[methodLength..];
        }
        return FinishCondition(body);
    }

    // A closing remark such as （注：以省平台统计为准） qualifies the method; it is not a clause.
    private static bool IsNote(string text)
    {
        var note = TrimSeparators(text);
        var bracketed = note.Length > 2 && note[0] is '（' or '(' && note[^1] is '）' or ')';
        var marked = note.StartsWith("注", StringComparison.Ordinal) || note.StartsWith("说明", StringComparison.Ordinal) || note.StartsWith("备注", StringComparison.Ordinal);
        return (bracketed || marked) && !note.Contains('扣') && !note.Contains("加分", StringComparison.Ordinal);
    }

    private static int LastSentenceEnd(string text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is '。' or '；' or ';')
                return i;
            // an ASCII full stop ends a sentence unless it sits between digits (1.5)
            if (c == '.' && !(i > 0 && i < text.Length - 1 && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])))
                return i;
        }
        return -1;
    }

    private static string FinishCondition(string text)
    {
        var condition = TrimSeparators(text);
        if (condition.EndsWith('的'))
            condition = TrimSeparators(condition[..^1]);
        return condition;
    }

    private static string TrimSeparators(string text) => text.Trim(Separators.ToCharArray());

    private static bool IsOnlySeparators(string text) => TrimSeparators(text).Length == 0;

    private static string Join(string condition, string marker) => condition.Length == 0 ? marker : condition + "，" + marker;

    private static void Unrecognized(List<LocalizedText> warnings, string text) =>
        warnings.Add(LocalizedText.Format(
            "无法自动识别“{0}”，请考评员人工扣分并写明原因。",
            "Could not classify “{0}”; the assessor enters a manual deduction with a reason.", TrimSeparators(text)));

    private static decimal ParseNumber(string text) =>
        Points.TryParseNumber(text, out var value) ? value : throw new FormatException($"Not a number: {text}");

    private sealed class Draft(string condition, ClauseKind kind, decimal amount, string amountText, string? perUnit)
    {
        public decimal? Cap { get; set; }

        public bool Repeat { get; set; }

        public string AmountText => amountText;

        public Clause ToClause()
        {
            if (kind == ClauseKind.ZeroOut)
                return new Clause(condition, kind, amount, Cap);
            var counted = CountedCondition();
            if (kind == ClauseKind.Bonus)
                return new Clause(condition, kind, amount, Cap, counted);
            return counted is null
                ? new Clause(condition, ClauseKind.Once, amount, Cap)
                : new Clause(condition, ClauseKind.PerOccurrence, amount, Cap, counted);
        }

        // The condition with its occurrence phrase as a template, or null when the clause counts nothing.
        private string? CountedCondition()
        {
            if (perUnit is not null)
                return condition + Clause.CountPlaceholder + perUnit;
            if (EveryPhrase().Match(condition) is { Success: true } every)
                return Template(every, every.Groups["verb"].Value);
            if (MissingPhrase().Match(condition) is { Success: true } missing)
                return Template(missing, missing.Groups["verb"].Value);
            if ((Repeat || Cap is not null) && SingleInstance().Match(condition) is { Success: true } single)
                return Template(single, single.Value[..(single.Groups["num"].Index - single.Index)]);
            return null;
        }

        private string Template(Match match, string prefix) =>
            condition[..match.Index] + prefix + Clause.CountPlaceholder + match.Groups["unit"].Value + condition[(match.Index + match.Length)..];
    }
}
