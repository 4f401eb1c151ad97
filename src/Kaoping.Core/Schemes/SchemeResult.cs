using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Schemes;

/// <summary>
/// A target's result under a scheme, exactly as docs/scoring.md says (“Schemes and results”). Pure: the same scheme
/// and input give the same result. The only rounding is a converted or rescaled part's, once, to 2 decimals.
/// </summary>
public static class SchemeResult
{
    public static TargetResult Of(Scheme scheme, TargetInput input)
    {
        // The findings themselves are checked once, as they are scored; a reader of outside input checks them whole first.
        if (Problem(scheme, input, checkFindings: false) is { } problem)
            throw Refused(input, problem);

        var parts = new List<PartResult>(scheme.Parts.Count);
        var total = 0m;
        foreach (var part in scheme.Parts)
        {
            var given = input.Parts.GetValueOrDefault(part.Key) ?? PartInput.Empty;
            var sheet = Sheet(part.Rubric, input, given.Findings, part.Key);
            var result = Score(part, sheet, given.NotApplicable);
            parts.Add(result);
            total += result.Score;
        }
        var bonus = 0m;
        if (scheme.Bonus is { } b)
            bonus = Math.Min(b.Cap, Sheet(b.Rubric, input, input.Bonus, partKey: null).Score);
        total += bonus;

        var fired = new List<string>();
        foreach (var veto in scheme.Vetoes)
        {
            if (input.Vetoes.Contains(veto.Key) || veto.Below is { } below && total < below)
                fired.Add(veto.Key);
        }
        var vetoed = fired.Count > 0;
        var grade = vetoed ? scheme.VetoGrade : scheme.Band(total).Name;
        return new TargetResult(input.Target, scheme.Points, total, parts, bonus, fired, vetoed, grade);
    }

    private static SheetScore Sheet(Rubric rubric, TargetInput input, IReadOnlyList<Finding> findings, string? partKey)
    {
        try
        {
            return Scorer.Score(rubric, input.Target, findings);
        }
        catch (InvalidInputException e)
        {
            var where = partKey is null ? new LocalizedText("加分", "the bonus") : LocalizedText.Format("部分“{0}”", "part “{0}”", partKey);
            throw Refused(input, LocalizedText.Format("{0}：{1}", "{0}: {1}", where, e.Text));
        }
    }

    private static InvalidInputException Refused(TargetInput input, LocalizedText problem) =>
        new(LocalizedText.Format("{0}：{1}", "{0}: {1}", input.Target, problem));

    /// <summary>
    /// A part's score in the scheme's points. Not applicable items keep their points (<see cref="NotApplicableRule.Full"/>,
    /// or an item that says 不涉及的不扣分), or leave the part (<see cref="NotApplicableRule.Rescale"/>):
    /// earned ÷ applicable × part points. A part with every item left out scores its points.
    /// </summary>
    public static PartResult Score(SchemePart part, SheetScore sheet, IReadOnlyList<ItemKey> notApplicable)
    {
        var rubric = part.Rubric;
        var leftOut = 0m;
        var leftOutEarned = 0m;
        if (part.NotApplicable == NotApplicableRule.Rescale && notApplicable.Count > 0)
        {
            foreach (var key in notApplicable.Distinct())
            {
                if (rubric.Find(key) is { NotApplicableFull: false } item)
                {
                    leftOut += item.Points;
                    leftOutEarned += item.IsBonusItem ? 0 : item.Points;
                }
            }
        }
        var applicable = rubric.Points - leftOut;
        var score = applicable == rubric.Points && part.Points == rubric.Points ? sheet.Score
            : applicable <= 0 ? part.Points
            : Math.Round((sheet.Score - leftOutEarned) * part.Points / applicable, 2, MidpointRounding.AwayFromZero);
        return new PartResult(part.Key, part.Name, part.Points, score) { ApplicablePoints = applicable };
    }

    /// <summary>The first reason the input cannot be scored, naming the part, item, finding or veto; null when it can.</summary>
    public static LocalizedText? Problem(Scheme scheme, TargetInput input) => Problem(scheme, input, checkFindings: true);

    private static LocalizedText? Problem(Scheme scheme, TargetInput input, bool checkFindings)
    {
        foreach (var (key, given) in input.Parts)
        {
            if (scheme.Part(key) is not { } part)
                return LocalizedText.Format("方案没有部分“{0}”（有：{1}）。", "the scheme has no part “{0}” (it has: {1}).",
                    key, string.Join("、", scheme.Parts.Select(p => p.Key)));
            if (PartProblem(part, given, checkFindings) is { } problem)
                return LocalizedText.Format("部分“{0}”：{1}", "part “{0}”: {1}", key, problem);
        }
        if (input.Bonus.Count > 0)
        {
            if (scheme.Bonus is not { } bonus)
                return new("方案没有加分（bonus），不能填写加分发现。", "the scheme has no bonus; there can be no bonus findings.");
            if (checkFindings && FindingsValidator.Validate(bonus.Rubric, input.Bonus).FirstOrDefault() is ({ } index, { } problem))
                return LocalizedText.Format("加分第{0}条发现：{1}", "bonus finding {0}: {1}", index + 1, problem);
        }
        foreach (var veto in input.Vetoes)
        {
            if (scheme.Veto(veto) is null)
                return LocalizedText.Format("方案没有否决事项“{0}”（有：{1}）。", "the scheme has no veto “{0}” (it has: {1}).",
                    veto, scheme.Vetoes.Count == 0 ? "无" : string.Join("、", scheme.Vetoes.Select(v => v.Key)));
        }
        return null;
    }

    /// <summary>Why a finding on an item marked 不涉及 is refused, naming the item: the rule the sheet follows too.</summary>
    public static LocalizedText FindingOnNotApplicable(ItemKey item) =>
        LocalizedText.Format("考评项目{0}已标为不涉及，不能扣分。", "item {0} is marked not applicable and takes no findings.", item);

    private static LocalizedText? PartProblem(SchemePart part, PartInput given, bool checkFindings)
    {
        foreach (var key in given.NotApplicable)
        {
            if (part.Rubric.Find(key) is null)
                return LocalizedText.Format("不涉及的考评项目“{0}”不存在（考评细则共{1}项）。", "the item “{0}” marked not applicable does not exist (the rubric has {1} items).",
                    key, part.Rubric.ItemCount);
        }
        if (checkFindings && FindingsValidator.Validate(part.Rubric, given.Findings).FirstOrDefault() is ({ } index, { } problem))
            return LocalizedText.Format("第{0}条发现：{1}", "finding {0}: {1}", index + 1, problem);
        for (var i = 0; i < given.Findings.Count; i++)
        {
            if (given.NotApplicable.Contains(given.Findings[i].Item))
                return LocalizedText.Format("第{0}条发现：{1}", "finding {0}: {1}", i + 1, FindingOnNotApplicable(given.Findings[i].Item));
        }
        return null;
    }
}
