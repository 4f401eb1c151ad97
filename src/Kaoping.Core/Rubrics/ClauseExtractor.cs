using System.Text.RegularExpressions;
using Kaoping.Text;
using static Kaoping.Rubrics.CriteriaText;

namespace Kaoping.Rubrics;

/// <summary>
/// Turns a criteria text (考评标准) into clauses. It is a small grammar over the phrasing families of published
/// rubrics (<see cref="ClauseGrammar"/>): a clause is a condition followed by an amount (扣X分, 扣X～Y分, 不得分, 加X分,
/// 得X分) and then modifiers (a cap 最多扣X分 or 扣完X分为止, 直至此项分值扣完). Text it cannot classify becomes a
/// warning, never a guess.
/// </summary>
public static class ClauseExtractor
{
    /// <summary>No real clause is worth more; larger numbers are typing mistakes, not points.</summary>
    public const decimal MaxAmount = 1000;

    public static ExtractedCriteria Extract(string criteria, decimal itemPoints) => Extract(criteria, itemPoints, []);

    /// <summary>Reads a criteria text; <paramref name="notes"/> are the document-wide notes stated above it.</summary>
    public static ExtractedCriteria Extract(string criteria, decimal itemPoints, IReadOnlyList<string> notes)
    {
        var reading = new Reading(criteria.Trim(), itemPoints);
        reading.Run();
        return reading.Finish(notes);
    }

    private sealed class Reading(string text, decimal itemPoints)
    {
        private readonly List<ClauseDraft> _drafts = [];
        private readonly List<LocalizedText> _warnings = [];
        private readonly List<string> _method = [];
        private readonly List<ItemEffect> _effects = [];
        private readonly List<string> _notes = [];
        private decimal? _itemCap;
        private bool _alternatives;
        private int _position;

        private ClauseDraft? Last => _drafts.Count > 0 ? _drafts[^1] : null;

        public void Run()
        {
            foreach (Match marker in ClauseGrammar.Markers().Matches(text))
            {
                var before = text[_position..marker.Index];
                // （4分） after a condition is part of it; only right after a clause does it allot the clause's points
                if (marker.Groups["allot"].Success && !IsOnlySeparators(before) && marker.Value[0] is '（' or '(')
                    continue;
                _position = marker.Index + marker.Length;
                if (marker.Groups["cap"].Success || marker.Groups["repeat"].Success || marker.Groups["allot"].Success)
                    Modifier(marker, before);
                else
                    Amount(marker, SplitMethod(before, _method));
            }
        }

        private void Modifier(Match marker, string before)
        {
            if (!IsOnlySeparators(before) && !Alternatives(before))
                Unrecognized(before);
            if (marker.Groups["repeat"].Success)
                return; // 直至此项分值扣完 is the rule for every item anyway
            var number = marker.Groups[marker.Groups["allot"].Success ? "anum" : "capnum"].Value;
            if (!Points.TryParseNumber(number, out var cap))
                Unrecognized(marker.Value);
            else if (ClausesCap(marker) && Last is { } last)
                last.Cap = last.Cap is { } c ? Math.Min(c, cap) : cap;
            else
                _itemCap = _itemCap is { } c ? Math.Min(c, cap) : cap;
        }

        // 最多扣1分 right after a clause caps that clause; 本项最多…, 总分4分, or 扣完1分为止 closing several clauses cap the item.
        private bool ClausesCap(Match marker)
        {
            var whole = marker.Groups["whole"].Value;
            if (marker.Groups["allot"].Success)
                return marker.Value[0] is '（' or '(';
            if (whole.Contains('加'))
                return Last?.Kind == ClauseKind.Bonus;
            if (whole.Length > 0)
                return false;
            return !marker.Value.StartsWith('扣') || _drafts.Count == 1;
        }

        private void Amount(Match marker, string condition)
        {
            if (marker.Groups["range"].Success)
                Range(marker, condition);
            else if (marker.Groups["effect"].Success)
                Effect(ItemEffects.OfMarker(marker.Value), Join(condition, marker.Value));
            else if (marker.Groups["zero"].Success)
                _drafts.Add(new ClauseDraft(condition, ClauseKind.ZeroOut, itemPoints, marker.Value, null));
            else if (marker.Groups["positive"].Success)
                Positive(marker, condition);
            else if (marker.Groups["deduct"].Success || marker.Groups["bonus"].Success)
                Fixed(marker, condition);
            else
                Unrecognized(Join(condition, marker.Value)); // discretion without numbers, escalating amounts, bonus ranges
        }

        private void Range(Match marker, string condition)
        {
            var draft = Points.TryParseNumber(marker.Groups["min"].Value, out var min) && Points.TryParseNumber(marker.Groups["max"].Value, out var max)
                && min < max && max <= MaxAmount && !marker.Groups["rper"].Success
                ? new ClauseDraft(condition, ClauseKind.Range, max, marker.Value, null, min)
                : null;
            // 一个企业报表不全扣0.5--1分: a range for each occurrence cannot be scored by one bounded amount
            if (draft is null || draft.Counts || ClauseGrammar.SingleInstance().IsMatch(condition))
                Unrecognized(Join(condition, marker.Value));
            else
                _drafts.Add(draft);
        }

        private void Positive(Match marker, string condition)
        {
            var amount = itemPoints; // 得满分
            if (!marker.Groups["full"].Success && !Points.TryParseNumber(marker.Groups["pnum"].Value, out amount) || amount > MaxAmount)
            {
                Unrecognized(Join(condition, marker.Value));
                return;
            }
            _drafts.Add(new ClauseDraft(condition, ClauseKind.Once, amount, marker.Value, null) { Positive = true });
        }

        private void Fixed(Match marker, string condition)
        {
            var isBonus = marker.Groups["bonus"].Success;
            if (!Points.TryParseNumber(marker.Groups[isBonus ? "bnum" : "num"].Value, out var amount) || amount > MaxAmount)
            {
                Unrecognized(Join(condition, marker.Value));
                return;
            }
            var per = marker.Groups[isBonus ? "bper" : "per"];
            var kind = isBonus ? ClauseKind.Bonus : ClauseKind.Once;
            // 未制定计划、未备案的各扣0.5分: one clause for each listed condition
            var conditions = marker.Groups["each"].Success ? SplitEach(condition) : [condition];
            foreach (var each in conditions)
                _drafts.Add(new ClauseDraft(each, kind, amount, marker.Value, per.Success ? per.Value : null));
        }

        private void Effect(ItemEffect effect, string text)
        {
            if (!_effects.Contains(effect))
                _effects.Add(effect);
            _warnings.Add(ItemEffects.Warning(effect, Trim(text)));
        }

        // 同一事项按最高级别加分，不重复计算 after bonus clauses: they are alternatives, counted once at the highest
        private bool Alternatives(string text)
        {
            if (!ClauseGrammar.Alternatives().IsMatch(Trim(text)) || !_drafts.Any(d => d.Kind == ClauseKind.Bonus))
                return false;
            _alternatives = true;
            _method.Add(Trim(text));
            return true;
        }

        private void Unrecognized(string text)
        {
            if (ItemEffects.InText(text) is { } effect)
            {
                Effect(effect, text);
                return;
            }
            _warnings.Add(LocalizedText.Format(
                "无法自动识别“{0}”，请考评员人工扣分并写明原因。",
                "Could not classify “{0}”; the assessor enters a manual deduction with a reason.", Trim(text)));
        }

        public ExtractedCriteria Finish(IReadOnlyList<string> notes)
        {
            Rest(text[_position..]);
            if (!PositivesRead())
                return Tiered();
            var clauses = new List<Clause>(_drafts.Count);
            foreach (var draft in _drafts)
            {
                var clause = draft.ToClause();
                if (clause.Condition.Length == 0)
                    _warnings.Add(LocalizedText.Format(
                        "扣分条款“{0}”前没有写明条件。", "The clause “{0}” has no condition before it.", draft.AmountText));
                if (clause.Amount <= 0)
                    _warnings.Add(LocalizedText.Format("扣分条款“{0}”的分值为0。", "The clause “{0}” is worth nothing.", draft.AmountText));
                clauses.Add(clause);
            }
            _method.AddRange(notes);
            return new ExtractedCriteria(string.Join("；", _method.Where(m => m.Length > 0)), clauses, _warnings, _itemCap)
            {
                Effects = _effects,
                NotesForFollowing = _notes,
                BonusAlternatives = _alternatives,
                NotApplicableFull = _method.Any(m => IsDocumentNote(m) && m.Contains("不涉及", StringComparison.Ordinal)),
            };
        }

        private void Rest(string rest)
        {
            if (IsDocumentNote(rest))
            {
                // 不涉及的不扣分 closing a text is that item's; （以下各项扣完为止） and （下同） speak of the items after it
                _method.Add(Trim(rest));
                if (rest.Contains("以下", StringComparison.Ordinal) || rest.Contains("下同", StringComparison.Ordinal) || _drafts.Count == 0)
                    _notes.Add(Trim(rest));
                if (_drafts.Count > 0 || _warnings.Count > 0)
                    return;
                rest = "";
            }
            if (_drafts.Count == 0 && _warnings.Count == 0)
            {
                if (rest.Length > 0)
                    _method.Add(Trim(rest));
                if (ItemEffects.InText(rest) is { } effect)
                    Effect(effect, rest);
                else
                    _warnings.Add(LocalizedText.Format(
                        "考评标准中没有找到扣分条款（如“扣0.5分”），请考评员人工扣分并写明原因。",
                        "No deduction clause (such as “扣0.5分”) was found in the criteria; the assessor enters a manual deduction with a reason."));
            }
            else if (Alternatives(rest))
            {
                return;
            }
            else if (IsNote(rest))
            {
                _method.Add(Trim(rest));
            }
            else if (!IsOnlySeparators(rest))
            {
                Unrecognized(rest);
            }
        }

        // 完成的得1分: each positive amount is the deduction when its condition is not met, as long as together they fit
        // the item. 控制在指标内得满分，超出的不得分: a full-marks half before another clause only restates it.
        // 全部完成的得2分，完成80%以上的得1分: tiers that together exceed the item are the assessor's to judge.
        private bool PositivesRead()
        {
            var positives = _drafts.Where(d => d.Positive).ToList();
            if (positives.Count == 0)
                return true;
            if (positives.Any(p => p.Amount >= itemPoints))
            {
                if (positives.Count > 1)
                    return false;
                if (_drafts.Count > 1)
                    _drafts.Remove(positives[0]);
            }
            return _drafts.Where(d => d.Positive).Sum(d => d.Amount) <= itemPoints && !positives.Any(p => p.Counts);
        }

        private ExtractedCriteria Tiered()
        {
            _warnings.Add(LocalizedText.Format(
                "按档次计分（“得X分”）的考评标准不能自动计分，请考评员按标准人工扣分并写明原因。",
                "Criteria that score by tiers (“得X分”) cannot be scored automatically; the assessor enters a manual deduction with a reason."));
            return new ExtractedCriteria(Trim(text), [], _warnings) { Effects = _effects };
        }
    }
}
