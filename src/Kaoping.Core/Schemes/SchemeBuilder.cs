using System.Text.RegularExpressions;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Schemes;

/// <summary>
/// Checks a scheme as written and loads its rubrics. Every refusal names the source and the culprit, in Chinese and
/// English; <paramref name="rubrics"/> opens a rubric as the scheme names it (a path, <c>builtin:NAME</c>) and throws
/// <see cref="InvalidInputException"/> when it cannot.
/// </summary>
public static partial class SchemeBuilder
{
    public const int MaxParts = 20;
    public const int MaxVetoes = 50;
    public const int MaxGrades = 10;
    public const int MaxNameLength = 200;
    public const decimal MaxPoints = 1000;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex Key();

    /// <summary>优秀 ≥ 90%, 良好 ≥ 80%, 合格 ≥ 60%, else 不合格, of the scheme's points.</summary>
    public static IReadOnlyList<SchemeGrade> DefaultGrades(decimal points) =>
        [new("优秀", points * 0.9m), new("良好", points * 0.8m), new("合格", points * 0.6m), new("不合格", 0)];

    public const string DefaultVetoGrade = "不合格";

    public static Scheme Build(SchemeSpec spec, string source, Func<string, Rubric> rubrics)
    {
        SchemeException Error(string field, string zh, string en, params object?[] args) =>
            new(field, LocalizedText.Format("{0}：" + zh, "{0}: " + en, [source, .. args]));

        var title = spec.Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > MaxNameLength)
            throw Error("title", "缺少方案名称（title），或超过{1}字。", "the title is missing or longer than {1} characters.", MaxNameLength);
        if (spec.Parts is not { Count: > 0 } partSpecs || partSpecs.Count > MaxParts)
            throw Error("parts", "方案应有1到{1}个部分（parts）。", "a scheme has 1 to {1} parts.", MaxParts);

        var parts = new List<SchemePart>();
        foreach (var (p, i) in partSpecs.Select((p, i) => (p, i + 1)))
        {
            var key = p.Key?.Trim() ?? "";
            var where = LocalizedText.Format("第{0}个部分（{1}）", "part {0} ({1})", i, key);
            if (!Key().IsMatch(key))
                throw Error($"parts[{i - 1}].key", "{1}：键（key）应是1到40个字母、数字、-或_，读到的是“{2}”。",
                    "{1}: the key must be 1 to 40 letters, digits, - or _; got “{2}”.", where, key);
            if (parts.Any(x => x.Key == key))
                throw Error($"parts[{i - 1}].key", "部分的键“{1}”重复。", "the part key “{1}” appears twice.", key);
            var name = Name(p.Name) ?? throw Error($"parts[{i - 1}].name", "{1}：缺少名称（name）。", "{1}: the name is missing.", where);
            if (p.Points is not ({ } points and > 0 and <= MaxPoints))
                throw Error($"parts[{i - 1}].points", "{1}：分值（points）应大于0且不超过{2}，读到的是 {3}。", "{1}: the points must be more than 0 and at most {2}; got {3}.",
                    where, MaxPoints, p.Points?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "（无）");
            var rule = p.NotApplicable?.Trim() switch
            {
                null or "full" => NotApplicableRule.Full,
                "rescale" => NotApplicableRule.Rescale,
                var other => throw Error($"parts[{i - 1}].notApplicable", "{1}：notApplicable 应是 full（不涉及的不扣分）或 rescale（按适用分值折算），读到的是“{2}”。",
                    "{1}: notApplicable must be full or rescale; got “{2}”.", where, other),
            };
            var (rubric, rubricSource) = Load(p.Rubric, $"parts[{i - 1}].rubric", where, rubrics, Error);
            if (rubric.Points <= 0)
                throw Error($"parts[{i - 1}].rubric", "{1}：考评细则“{2}”的总分为0。", "{1}: the rubric “{2}” is worth nothing.", where, rubricSource);
            parts.Add(new SchemePart(key, name, Points.Normalize(points), rubric, rubricSource, rule));
        }
        var total = parts.Sum(p => p.Points);

        SchemeBonus? bonus = null;
        if (spec.Bonus is { } b)
        {
            var where = new LocalizedText("加分（bonus）", "the bonus");
            if (b.Cap is not ({ } cap and > 0 and <= MaxPoints))
                throw Error("bonus.cap", "加分上限（bonus.cap）应大于0且不超过{1}。", "the bonus cap (bonus.cap) must be more than 0 and at most {1}.", MaxPoints);
            var (rubric, rubricSource) = Load(b.Rubric, "bonus.rubric", where, rubrics, Error);
            if (rubric.Items.FirstOrDefault(item => !item.IsBonusItem) is { } notBonus)
                throw Error("bonus.rubric", "加分细则“{1}”的考评项目{2}不是加分项（其考评标准应只有“加X分”的条款）。",
                    "the bonus rubric “{1}”: item {2} is not a bonus item (its criteria must only add points, 加X分).", rubricSource, notBonus.Key);
            bonus = new SchemeBonus(rubric, rubricSource, Points.Normalize(cap));
        }

        var vetoes = new List<SchemeVeto>();
        foreach (var (v, i) in (spec.Vetoes ?? []).Select((v, i) => (v, i + 1)))
        {
            if (i > MaxVetoes)
                throw Error("vetoes", "否决事项超过{1}项。", "more than {1} vetoes.", MaxVetoes);
            var key = v.Key?.Trim() ?? "";
            var where = LocalizedText.Format("第{0}个否决事项（{1}）", "veto {0} ({1})", i, key);
            if (!Key().IsMatch(key))
                throw Error($"vetoes[{i - 1}].key", "{1}：键（key）应是1到40个字母、数字、-或_，读到的是“{2}”。",
                    "{1}: the key must be 1 to 40 letters, digits, - or _; got “{2}”.", where, key);
            if (vetoes.Any(x => x.Key == key))
                throw Error($"vetoes[{i - 1}].key", "否决事项的键“{1}”重复。", "the veto key “{1}” appears twice.", key);
            var name = Name(v.Name) ?? throw Error($"vetoes[{i - 1}].name", "{1}：缺少名称（name）。", "{1}: the name is missing.", where);
            if (v.Below is { } below && (below <= 0 || below > total))
                throw Error($"vetoes[{i - 1}].below", "{1}：below 应大于0且不超过方案总分{2}，读到的是 {3}。",
                    "{1}: below must be more than 0 and at most the scheme's {2}; got {3}.",
                    where, total, below);
            vetoes.Add(new SchemeVeto(key, name, v.Below is { } x ? Points.Normalize(x) : null));
        }

        var grades = Grades(spec.Grades, total, (f, zh, en, a) => Error(f, zh, en, a));
        var vetoGrade = spec.VetoGrade?.Trim() ?? DefaultVetoGrade;
        if (grades.FirstOrDefault(g => g.Name == vetoGrade) is not { } vetoed)
            throw Error("vetoGrade", "否决等次（vetoGrade）“{1}”不是方案的等次（{2}）。", "the veto grade “{1}” is not one of the grades ({2}).",
                vetoGrade, string.Join("、", grades.Select(g => g.Name)));
        if (vetoed.Quota is not null)
            throw Error("vetoGrade", "否决等次“{1}”不能有名额（quota）。", "the veto grade “{1}” cannot have a quota.", vetoGrade);

        var tieBreakers = new List<string>();
        foreach (var key in spec.TieBreakers ?? [])
        {
            if (parts.All(p => p.Key != key))
                throw Error("tieBreakers", "tieBreakers 中的“{1}”不是方案的部分（{2}）。", "the tie-breaker “{1}” is not a part of the scheme ({2}).",
                    key, string.Join("、", parts.Select(p => p.Key)));
            if (tieBreakers.Contains(key))
                throw Error("tieBreakers", "tieBreakers 中的“{1}”重复。", "the tie-breaker “{1}” appears twice.", key);
            tieBreakers.Add(key);
        }
        return new Scheme(title, parts, bonus, vetoes, grades, vetoGrade, tieBreakers);
    }

    private static List<SchemeGrade> Grades(IReadOnlyList<GradeSpec>? specs, decimal total,
        Func<string, string, string, object?[], SchemeException> error)
    {
        if (specs is null)
            return [.. DefaultGrades(total)];
        if (specs.Count is 0 or > MaxGrades)
            throw error("grades", "等次（grades）应有1到{1}个。", "a scheme has 1 to {1} grades.", [MaxGrades]);
        var grades = new List<SchemeGrade>();
        foreach (var (g, i) in specs.Select((g, i) => (g, i + 1)))
        {
            var name = Name(g.Name) ?? throw error($"grades[{i - 1}].name", "第{1}个等次缺少名称（name）。", "grade {1} has no name.", [i]);
            if (grades.Any(x => x.Name == name))
                throw error($"grades[{i - 1}].name", "等次“{1}”重复。", "the grade “{1}” appears twice.", [name]);
            if (g.Min is not ({ } min and >= 0) || min > total)
                throw error($"grades[{i - 1}].min", "等次“{1}”的最低分（min）应在0到方案总分{2}之间。",
                    "the grade “{1}”: min must be between 0 and the scheme's {2}.", [name, total]);
            if (grades.Count > 0 && min >= grades[^1].Min)
                throw error($"grades[{i - 1}].min", "等次应从高到低排列：“{1}”的最低分{2}不低于上一个等次“{3}”的{4}。",
                    "grades go from highest to lowest: “{1}” at {2} is not below “{3}” at {4}.", [name, min, grades[^1].Name, grades[^1].Min]);
            if (g.Quota is { } q && (q <= 0 || q >= 1 && q != decimal.Truncate(q) || q > 100_000))
                throw error($"grades[{i - 1}].quota", "等次“{1}”的名额（quota）应是小于1的比例（如0.3）或不小于1的整数，读到的是 {2}。",
                    "the grade “{1}”: the quota must be a share below 1 (such as 0.3) or a whole number from 1; got {2}.", [name, q]);
            grades.Add(new SchemeGrade(name, Points.Normalize(min), g.Quota is { } x ? Points.Normalize(x) : null));
        }
        if (grades[^1].Min != 0)
            throw error($"grades[{grades.Count - 1}].min", "最低的等次“{1}”的最低分应为0，使每个总分都有等次。",
                "the lowest grade “{1}” must start at 0 so that every total has a grade.",
                [grades[^1].Name]);
        if (grades[^1].Quota is not null)
            throw error($"grades[{grades.Count - 1}].quota", "最低的等次“{1}”不能有名额（quota）：超出名额的单位没有更低的等次可降。",
                "the lowest grade “{1}” cannot have a quota: there is no grade below it.", [grades[^1].Name]);
        return grades;
    }

    private static (Rubric, string) Load(string? reference, string field, LocalizedText where, Func<string, Rubric> rubrics,
        Func<string, string, string, object?[], SchemeException> error)
    {
        var source = reference?.Trim() ?? "";
        if (source.Length == 0)
            throw error(field, "{1}：缺少考评细则（rubric）。", "{1}: the rubric is missing.", [where]);
        try
        {
            return (rubrics(source), source);
        }
        catch (InvalidInputException e)
        {
            throw error(field, "{1}：考评细则“{2}”：{3}", "{1}: the rubric “{2}”: {3}", [where, source, e.Text]);
        }
    }

    private static string? Name(string? name) => name?.Trim() is { Length: > 0 and <= MaxNameLength } n ? n : null;
}

/// <summary>A scheme refused, naming the field it is about (<c>parts[0].points</c>, <c>bonus.cap</c> …) so that a form shows it there.</summary>
public sealed class SchemeException(string field, LocalizedText message) : InvalidInputException(message)
{
    public string Field { get; } = field;
}
