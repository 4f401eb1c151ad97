namespace Kaoping.Rubrics;

/// <summary>The pieces of a criteria text around its clauses: the method before them, conditions, notes.</summary>
internal static class CriteriaText
{
    private const string Separators = "，,；;。.、：: \t\r\n\u3000";

    /// <summary>
    /// Splits the text before an amount into the method (sentences before the clause's own sentence, and its
    /// leading 查阅…/抽查… segments) and the clause's condition.
    /// </summary>
    public static string SplitMethod(string before, List<string> method)
    {
        var body = Trim(before);
        var sentenceEnd = LastSentenceEnd(body);
        if (sentenceEnd >= 0)
        {
            var sentences = StripEnumerator(Trim(body[..(sentenceEnd + 1)]));
            if (sentences.Length > 0)
                method.Add(sentences);
            body = body[(sentenceEnd + 1)..];
        }
        body = StripEnumerator(Trim(body));
        var segments = body.Split('，', ',', '：', ':');
        // 说明：台账以省平台为准，未录入的… — a note runs on until the condition starts
        var note = segments.Length > 1 && segments[0].Trim() is "说明" or "注" or "备注";
        var taken = 0;
        while (taken < segments.Length - 1 && (note || ClauseGrammar.MethodVerb().IsMatch(segments[taken].Trim()))
            && !ClauseGrammar.Trigger().IsMatch(segments[taken]))
            taken++;
        if (taken > 0)
        {
            var methodLength = segments.Take(taken).Sum(s => s.Length + 1);
            method.Add(Trim(body[..methodLength]));
            body = body[methodLength..];
        }
        return FinishCondition(body);
    }

    public static string StripEnumerator(string text) => ClauseGrammar.Enumerator().Replace(text, "", 1);

    /// <summary>A closing remark such as （注：以省平台统计为准） qualifies the method; it is not a clause.</summary>
    public static bool IsNote(string text)
    {
        var note = Trim(text);
        var bracketed = note.Length > 2 && note[0] is '（' or '(' && note[^1] is '）' or ')';
        var marked = note.StartsWith("注", StringComparison.Ordinal) || note.StartsWith("说明", StringComparison.Ordinal)
            || note.StartsWith("备注", StringComparison.Ordinal);
        return (bracketed || marked) && !note.Contains('扣') && !note.Contains("加分", StringComparison.Ordinal) || IsDocumentNote(note);
    }

    /// <summary>（以下各项扣完为止）, 不涉及的不扣分, （下同）: a note for every item after it.</summary>
    public static bool IsDocumentNote(string text) => ClauseGrammar.DocumentNote().IsMatch(Trim(text));

    public static string FinishCondition(string text)
    {
        var condition = BalanceBrackets(Trim(text));
        if (condition.EndsWith('的'))
            condition = Trim(condition[..^1]);
        return condition;
    }

    public static string Trim(string text) => text.Trim(Separators.ToCharArray());

    public static bool IsOnlySeparators(string text) => Trim(text).Trim('（', '）', '(', ')').Length == 0;

    public static string Join(string condition, string marker) => condition.Length == 0 ? marker : condition + "，" + marker;

    /// <summary>
    /// 未制定计划、未备案的各扣0.5分 (或, 分别): one condition for each listed one. A later member without a verb of its
    /// own takes the first one's: 未制定方案、计划 → 未制定计划; 未按规定设立机构或配备人员 → 未按规定配备人员.
    /// </summary>
    public static List<string> SplitEach(string condition)
    {
        var parts = (condition.EndsWith('各') ? condition[..^1] : condition).Split(['、', '，', ',', '或'], StringSplitOptions.RemoveEmptyEntries)
            .Select(FinishCondition).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2 || ClauseGrammar.ListVerb().Match(parts[0]) is not { Success: true } lead)
            return parts;
        var negation = lead.Groups["negation"].Value + lead.Groups["manner"].Value;
        return [parts[0], .. parts.Skip(1).Select(p => ClauseGrammar.ListVerb().IsMatch(p) ? p
            : ClauseGrammar.StartsWithVerb().IsMatch(p) ? negation + p
            : negation + lead.Groups["verb"].Value + p)];
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

    // （每缺一项扣0.5分） leaves "（每缺一项" before its amount: an opening bracket that never closes is not part of the condition.
    private static string BalanceBrackets(string text)
    {
        var opens = text.Count(c => c is '（' or '(');
        var closes = text.Count(c => c is '）' or ')');
        if (opens > closes && text.Length > 0 && text[0] is '（' or '(')
            return Trim(text[1..]);
        if (closes > opens && text.Length > 0 && text[^1] is '）' or ')')
            return Trim(text[..^1]);
        if (opens > closes)
        {
            var at = text.LastIndexOfAny(['（', '(']);
            return Trim(text[(at + 1)..]);
        }
        return text;
    }
}
