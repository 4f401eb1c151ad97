using System.Text.RegularExpressions;
using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>A criteria text read as the assessor's method (what to check), its clauses, and a cap on the whole item.</summary>
public sealed record ExtractedCriteria(string Method, IReadOnlyList<Clause> Clauses, IReadOnlyList<LocalizedText> Warnings, decimal? ItemCap = null);

/// <summary>
/// Turns a criteria text (考评标准) into clauses. It is a small grammar over the phrasing families of the
/// rubrics: a clause is a condition followed by an amount (扣X分, 不得分, 加X分) and then modifiers (a cap
/// 最多扣X分, the repeat marker 直至此项分值扣完). Text it cannot classify becomes a warning, never a guess.
/// </summary>
public static partial class ClauseExtractor
{
    /// <summary>No real clause is worth more; larger numbers are typing mistakes, not points.</summary>
    public const decimal MaxAmount = 1000;

    private const string Number = @"(?:[0-9０-９]{1,6}(?:[.．][0-9０-９]{1,4})?|[零一二两三四五六七八九十]{1,3}(?:点[零〇一二三四五六七八九]{1,3})?|半)";
    private const string Unit = "(?:个百分点|百分点|个季度|季度|个月|人次|次|个|家|处|项|件|人|条|份|起|名|所|户|座|台|辆|月|批|类|场|本|宗|例|篇|期|张|天|周)";
    private const string Separators = "，,；;。.、：: \t\r\n\u3000";
    private const string TimeUnits = "月个月季度天周";

    [GeneratedRegex(
        "(?<range>(?:酌情|视情况?|视情节)?(?:扣除|扣减|扣|减|加)\\s*" + Number + "\\s*分?\\s*(?:[-~～—–－]|至|到)\\s*" + Number + "\\s*分)" +
        "|(?<discretion>(?:酌情|视情况?|视情节|根据情况)(?:扣除|扣减|扣|减|加)?\\s*(?:[^，,；;。]{0,4}分)?|综合评定|综合评分|研究确定)" +
        "|(?<tier>(?<!不)得\\s*(?!0分|０分|零分)" + Number + "\\s*分)" +
        "|(?<cap>(?<whole>(?:本项|此项|该项|本条|以上[各两二三四五几]?项|上述[各两二三四五几]?项)?(?:累计|合计|共计)?(?:扣分)?)(?:最多|最高|至多|不超过|不得超过|上限为?|封顶)\\s*可?(?:扣除|扣减|扣|减|加)?\\s*(?<capnum>" + Number + ")\\s*分(?:封顶|为限|为止)?)" +
        "|(?<repeat>直至(?:此项|该项|本项)?(?:分值|分数)?扣完(?:为止)?|扣(?:完|满)(?:本项|此项|该项)?(?:分值)?(?:为止|即止)|扣至0分为?止|(?:此项|该项|本项)分值?扣完为止)" +
        "|(?<zero>(?:该项|此项|本项|该条|本条|该指标|此指标)?(?:不得分|不给分|不计分|得0分|计0分|记0分|得０分|得零分)|扣除?(?:该项|此项|本项)(?:全部)?分(?:值|数)|(?:该项|此项|本项)(?:分值|分数)?(?:全扣|全部扣除|全部扣完))" +
        "|(?<deduct>(?<each>各)?(?:扣除|扣减|扣|(?<![增缩削])减)\\s*(?<num>" + Number + ")\\s*分(?![钟之])(?:\\s*[/／]\\s*(?<per>" + Unit + "))?)" +
        "|(?<bonus>(?<![参增追添施附叠])(?:加|奖励|奖)\\s*(?<bnum>" + Number + ")\\s*分(?![钟之])(?:\\s*[/／]\\s*(?<bper>" + Unit + "))?)")]
    private static partial Regex Markers();

    // 每少一次, 每发现1个部门, 每有一项, 每处, 每降低1个百分点, 每少2次 (but not 每年…, once a year)
    [GeneratedRegex("每(?<verb>[^，,；;。、每年未不的]{0,4}?)(?<num>[一二两三四五六七八九十]|[0-9０-９]+)?\\s*(?<unit>" + Unit + ")")]
    private static partial Regex EveryPhrase();

    // 缺少一次, 少一次, 缺一项, 缺１次 (but not 至少一次)
    [GeneratedRegex("(?<![至不])(?<verb>缺少|缺失|缺|少|漏)(?<num>[一1１])\\s*(?<unit>" + Unit + ")")]
    private static partial Regex MissingPhrase();

    // 发现一家, 一处, 一项, 有一项, 迟报一次: repeatable when 直至此项分值扣完 (or a cap) follows
    [GeneratedRegex("(?<![至少于低过0-9０-９])(?<num>一|1|１)\\s*(?<unit>" + Unit + ")")]
    private static partial Regex SingleInstance();

    [GeneratedRegex("^(?:随机|现场|实地|重点)?(?:查阅|抽查|调阅|查看|察看|检查|核查|核实|查询|听取|询问|走访|暗访|座谈|抽取|查验|审阅|比对|抽考|考试|测试|问卷|对照)")]
    private static partial Regex MethodVerb();

    [GeneratedRegex("未|没有|(?<!有)无|缺|(?<!不)少于|(?<!不)低于|超过|发现|每|不足|不到|不符|不按|不及时|不得|扣")]
    private static partial Regex Trigger();

    // 1.  2、  （1）  (2)  ①  at the start of a condition or method part
    [GeneratedRegex(@"^(?:[0-9０-９]{1,2}\s*[.．、)）](?![0-9])|[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])\s*")]
    private static partial Regex Enumerator();

    public static ExtractedCriteria Extract(string criteria, decimal itemPoints)
    {
        var text = criteria.Trim();
        var drafts = new List<Draft>();
        var warnings = new List<LocalizedText>();
        var method = new List<string>();
        decimal? itemCap = null;
        var position = 0;
        var markers = Markers().Matches(text);
        if (markers.Any(m => m.Groups["tier"].Success))
            return Tiered(text, warnings);

        foreach (Match marker in markers)
        {
            var before = text[position..marker.Index];
            position = marker.Index + marker.Length;
            if (marker.Groups["cap"].Success || marker.Groups["repeat"].Success)
            {
                var last = drafts.Count > 0 ? drafts[^1] : null;
                if (!IsOnlySeparators(before))
                    Unrecognized(warnings, before);
                if (marker.Groups["repeat"].Success)
                {
                    // 直至此项分值扣完 is the rule for every item anyway; it also marks a single instance as repeatable.
                    if (last is not null)
                        last.Repeat = true;
                }
                else if (!TryNumber(marker.Groups["capnum"].Value, out var cap))
                {
                    Unrecognized(warnings, marker.Value);
                }
                else if (marker.Groups["whole"].Length > 0 || last is null)
                {
                    itemCap = itemCap is { } c ? Math.Min(c, cap) : cap;
                    if (last is not null)
                        last.Repeat = true;
                }
                else
                {
                    last.Cap = cap;
                }
                continue;
            }

            var condition = SplitMethod(before, method);
            if (marker.Groups["range"].Success || marker.Groups["discretion"].Success)
            {
                Unrecognized(warnings, Join(condition, marker.Value));
                continue;
            }
            if (marker.Groups["zero"].Success)
            {
                drafts.Add(new Draft(condition, ClauseKind.ZeroOut, itemPoints, marker.Value, null));
                continue;
            }
            var isBonus = marker.Groups["bonus"].Success;
            if (!TryNumber(marker.Groups[isBonus ? "bnum" : "num"].Value, out var amount) || amount > MaxAmount)
            {
                Unrecognized(warnings, Join(condition, marker.Value));
                continue;
            }
            var per = marker.Groups[isBonus ? "bper" : "per"];
            var kind = isBonus ? ClauseKind.Bonus : ClauseKind.Once;
            // 未制定计划、未备案的各扣0.5分: one clause for each listed condition
            var conditions = marker.Groups["each"].Success ? SplitEach(condition) : [condition];
            foreach (var each in conditions)
                drafts.Add(new Draft(each, kind, amount, marker.Value, per.Success ? per.Value : null));
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
        return new ExtractedCriteria(string.Join("；", method.Where(m => m.Length > 0)), clauses, warnings, itemCap);
    }

    // 全部完成的得2分，完成80%以上的得1分: scoring by tiers is the assessor's to judge.
    private static ExtractedCriteria Tiered(string text, List<LocalizedText> warnings)
    {
        warnings.Add(LocalizedText.Format(
            "按档次计分（“得X分”）的考评标准不能自动计分，请考评员按标准人工扣分并写明原因。",
            "Criteria that score by tiers (“得X分”) cannot be scored automatically; the assessor enters a manual deduction with a reason."));
        return new ExtractedCriteria(TrimSeparators(text), [], warnings);
    }

    private static List<string> SplitEach(string condition)
    {
        var parts = condition.EndsWith('各') ? condition[..^1] : condition;
        return [.. FinishCondition(parts).Split(['、', '，', ','], StringSplitOptions.RemoveEmptyEntries).Select(FinishCondition).Where(p => p.Length > 0)];
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
            var sentences = StripEnumerator(TrimSeparators(body[..(sentenceEnd + 1)]));
            if (sentences.Length > 0)
                method.Add(sentences);
            body = body[(sentenceEnd + 1)..];
        }
        body = StripEnumerator(TrimSeparators(body));
        var segments = body.Split('，', ',', '：', ':');
        // 说明：台账以省平台为准，未录入的… — a note runs on until the condition starts
        var note = segments.Length > 1 && segments[0].Trim() is "说明" or "注" or "备注";
        var taken = 0;
        while (taken < segments.Length - 1 && (note || MethodVerb().IsMatch(segments[taken].Trim())) && !Trigger().IsMatch(segments[taken]))
            taken++;
        if (taken > 0)
        {
            var methodLength = segments.Take(taken).Sum(s => s.Length + 1);
            method.Add(TrimSeparators(body[..methodLength]));
            body = body[methodLength..];
        }
        return FinishCondition(body);
    }

    private static string StripEnumerator(string text) => Enumerator().Replace(text, "", 1);

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
            // an ASCII full stop ends a sentence unless it sits between digits (1.5) or numbers a clause (1.未…)
            if (c == '.' && !(i > 0 && char.IsAsciiDigit(text[i - 1])))
                return i;
        }
        return -1;
    }

    private static string FinishCondition(string text)
    {
        var condition = BalanceBrackets(TrimSeparators(text));
        if (condition.EndsWith('的'))
            condition = TrimSeparators(condition[..^1]);
        return condition;
    }

    // （每缺一项扣0.5分） leaves "（每缺一项" before its amount: an opening bracket that never closes is not part of the condition.
    private static string BalanceBrackets(string text)
    {
        var opens = text.Count(c => c is '（' or '(');
        var closes = text.Count(c => c is '）' or ')');
        if (opens > closes && text.Length > 0 && text[0] is '（' or '(')
            return TrimSeparators(text[1..]);
        if (closes > opens && text.Length > 0 && text[^1] is '）' or ')')
            return TrimSeparators(text[..^1]);
        if (opens > closes)
        {
            var at = text.LastIndexOfAny(['（', '(']);
            return TrimSeparators(text[(at + 1)..]);
        }
        return text;
    }

    private static string TrimSeparators(string text) => text.Trim(Separators.ToCharArray());

    private static bool IsOnlySeparators(string text) => TrimSeparators(text).Trim('（', '）', '(', ')').Length == 0;

    private static string Join(string condition, string marker) => condition.Length == 0 ? marker : condition + "，" + marker;

    private static void Unrecognized(List<LocalizedText> warnings, string text) =>
        warnings.Add(LocalizedText.Format(
            "无法自动识别“{0}”，请考评员人工扣分并写明原因。",
            "Could not classify “{0}”; the assessor enters a manual deduction with a reason.", TrimSeparators(text)));

    private static bool TryNumber(string text, out decimal value) => Points.TryParseNumber(text, out value);

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
            if (EveryPhrase().Match(condition) is { Success: true } every && !IsEveryAsFrequency(every))
                return EveryTemplate(every);
            if (MissingPhrase().Match(condition) is { Success: true } missing)
                return Template(missing, missing.Groups["verb"].Value);
            if ((Repeat || Cap is not null) && SingleInstance().Match(condition) is { Success: true } single)
                return Template(single, "");
            return null;
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
}
