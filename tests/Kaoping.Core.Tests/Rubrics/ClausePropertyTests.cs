using System.Text;
using CsCheck;
using Kaoping.Rubrics;

namespace Kaoping.Core.Tests.Rubrics;

/// <summary>Properties of the reader: a clause written as text reads back as itself; punctuation styles change nothing.</summary>
public class ClausePropertyTests
{
    private const decimal Points = 100;

    private static readonly string[] s_conditions = ["未制定工作方案", "台账不完整", "未按时报送信息", "隐患未整改到位", "未开展应急演练", "未落实专项资金"];

    private static readonly string[] s_units = ["次", "处", "项", "家", "人"];

    // multiples of 0.5 from 0.5 to 20, and quarter points below 1
    private static readonly Gen<decimal> s_amount = Gen.OneOf(Gen.Int[1, 40].Select(n => n * 0.5m), Gen.Int[1, 3].Select(n => n * 0.25m));

    private static readonly Gen<Clause> s_clause =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, s_conditions.Length - 1], s_amount, s_amount, Gen.Bool, Gen.Int[0, s_units.Length - 1])
            .Select((kind, c, a, b, capped, u) => Make((ClauseKind)kind, s_conditions[c], a, b, capped, s_units[u]));

    private static Clause Make(ClauseKind kind, string condition, decimal a, decimal b, bool capped, string unit) => kind switch
    {
        ClauseKind.ZeroOut => new Clause(condition, kind, Points, null),
        ClauseKind.Range => new Clause(condition, kind, Math.Max(a, b) + 0.5m, capped ? Math.Max(a, b) + 1 : null, Min: Math.Min(a, b)),
        ClauseKind.PerOccurrence => new Clause("每发现一" + unit + condition, kind, a, capped ? a + b : null),
        _ => new Clause(condition, kind, a, capped ? a + b : null),
    };

    /// <summary>The clause as a rubric writes it.</summary>
    private static string Render(Clause clause)
    {
        var a = Format(clause.Amount);
        var text = clause.Kind switch
        {
            ClauseKind.Once => $"{clause.Condition}的扣{a}分",
            ClauseKind.PerOccurrence => $"{clause.Condition}的，扣{a}分",
            ClauseKind.ZeroOut => $"{clause.Condition}的，不得分",
            ClauseKind.Bonus => $"{clause.Condition}的加{a}分",
            ClauseKind.Range => $"{clause.Condition}的，酌情扣{Format(clause.Min!.Value)}～{a}分",
        };
        var verb = clause.Kind == ClauseKind.Bonus ? "加" : "扣";
        return clause.Cap is { } cap ? $"{text}，最多{verb}{Format(cap)}分" : text;
    }

    private static string Format(decimal d) => Kaoping.Text.Points.Format(d);

    private static string Shape(Clause c) => $"{c.Kind} {Format(c.Amount)} {(c.Cap is { } cap ? Format(cap) : "-")} {(c.Min is { } min ? Format(min) : "-")}";

    [Fact]
    public void AClauseRenderedAsText_ReadsBackAsItself() =>
        s_clause.List[1, 5].Sample(clauses =>
        {
            var text = string.Join("；", clauses.Select(Render)) + "。";

            var read = ClauseExtractor.Extract(text, Points);

            Assert.Empty(read.Warnings);
            Assert.Equal(clauses.Select(Shape), read.Clauses.Select(Shape));
            Assert.Equal(clauses.Select(c => c.Condition), read.Clauses.Select(c => c.Condition));
        });

    private static readonly Dictionary<char, string[]> s_styles = new()
    {
        ['，'] = ["，", ","],
        ['；'] = ["；", ";"],
        ['：'] = ["：", ":"],
        ['（'] = ["（", "("],
        ['）'] = ["）", ")"],
        ['～'] = ["～", "~", "-", "—", "－", "至", "--", "〜"],
    };

    /// <summary>Each punctuation mark and digit in the style the seed picks: ASCII or full-width, any dash form.</summary>
    private static string Restyle(string text, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var canonical = c switch { ',' => '，', ';' => '；', ':' => '：', '(' => '（', ')' => '）', '~' or '—' or '－' or '〜' => '～', _ => c };
            if (s_styles.TryGetValue(canonical, out var forms))
                sb.Append(forms[random.Next(forms.Length)]);
            else if (c is >= '0' and <= '9' && random.Next(2) == 0)
                sb.Append((char)('０' + (c - '0')));
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    [Fact]
    public void PunctuationStyles_ChangeNothing_InGeneratedTexts() =>
        Gen.Select(s_clause.List[1, 5], Gen.Int).Sample((clauses, seed) =>
        {
            var text = string.Join("；", clauses.Select(Render)) + "。";

            var read = ClauseExtractor.Extract(Restyle(text, seed), Points);

            Assert.Empty(read.Warnings);
            Assert.Equal(clauses.Select(Shape), read.Clauses.Select(Shape));
        });

    // The published texts, restyled: the kinds, amounts, caps, effects and whether they warn stay as they are.
    [Fact]
    public void PunctuationStyles_ChangeNothing_InTheCorpus()
    {
        var texts = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Rubrics", "corpus", "criteria.jsonl")).Select(CorpusEntry.Parse)
            .Where(e => !e.Text.Contains('-', StringComparison.Ordinal)).ToList();
        Gen.Select(Gen.Int[0, texts.Count - 1], Gen.Int).Sample((i, seed) =>
        {
            var entry = texts[i];
            var plain = ClauseExtractor.Extract(entry.Text, entry.Points ?? Points);
            var restyled = ClauseExtractor.Extract(Restyle(entry.Text, seed), entry.Points ?? Points);

            Assert.Equal(plain.Clauses.Select(Shape), restyled.Clauses.Select(Shape));
            Assert.Equal((plain.ItemCap, plain.Warnings.Count > 0), (restyled.ItemCap, restyled.Warnings.Count > 0));
            Assert.Equal(plain.Effects, restyled.Effects);
        });
    }
}
