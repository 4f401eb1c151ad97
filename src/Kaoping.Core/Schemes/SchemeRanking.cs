namespace Kaoping.Schemes;

/// <summary>A target's place: its rank (shared when tied) and its grade after the quotas.</summary>
public sealed record RankedTarget(int Rank, TargetResult Result, string Grade);

/// <summary>
/// Ranks results under a scheme and applies its quotas, as docs/scoring.md says: targets not vetoed by total, descending,
/// then vetoed ones by total; the scheme's tie-breakers (part keys, higher part first) next; still equal, a shared
/// rank (1, 2, 2, 4), listed in the order given.
/// </summary>
public static class SchemeRanking
{
    public static IReadOnlyList<RankedTarget> Rank(Scheme scheme, IReadOnlyList<TargetResult> results)
    {
        var keys = results.Select(r => new SortKey(r, [.. scheme.TieBreakers.Select(r.PartScore)])).ToList();
        var ordered = keys.Order(Comparer<SortKey>.Create(Compare)).ToList();
        var ranks = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
            ranks[i] = i > 0 && Compare(ordered[i - 1], ordered[i]) == 0 ? ranks[i - 1] : i + 1;

        var grades = ordered.Select(k => k.Result.Grade).ToArray();
        ApplyQuotas(scheme, ordered, ranks, grades);
        return [.. ordered.Select((k, i) => new RankedTarget(ranks[i], k.Result, grades[i]))];
    }

    // Grade by grade from the highest: a grade over its quota keeps the ties that fit whole, in rank order; the rest
    // move to the next grade (they meet its band, being above this one's), where its own quota applies in turn.
    private static void ApplyQuotas(Scheme scheme, List<SortKey> ordered, int[] ranks, string[] grades)
    {
        for (var g = 0; g < scheme.Grades.Count - 1; g++)
        {
            var grade = scheme.Grades[g];
            if (grade.Limit(ordered.Count) is not { } limit)
                continue;
            var held = 0;
            var full = false;
            for (var i = 0; i < ordered.Count;)
            {
                var end = i;
                while (end + 1 < ordered.Count && ranks[end + 1] == ranks[i])
                    end++;
                // tied targets share a rank, hence a total and a grade: they stay or move together
                if (grades[i] == grade.Name && !ordered[i].Result.Vetoed)
                {
                    var tied = end - i + 1;
                    full |= held + tied > limit;
                    if (full)
                        Array.Fill(grades, scheme.Grades[g + 1].Name, i, tied);
                    else
                        held += tied;
                }
                i = end + 1;
            }
        }
    }

    private static int Compare(SortKey a, SortKey b)
    {
        var byVeto = a.Result.Vetoed.CompareTo(b.Result.Vetoed);
        if (byVeto != 0)
            return byVeto;
        var byTotal = b.Result.Score.CompareTo(a.Result.Score);
        if (byTotal != 0)
            return byTotal;
        for (var i = 0; i < a.TieBreakers.Length; i++)
        {
            var byPart = b.TieBreakers[i].CompareTo(a.TieBreakers[i]);
            if (byPart != 0)
                return byPart;
        }
        return 0;
    }

    private sealed record SortKey(TargetResult Result, decimal[] TieBreakers);
}
