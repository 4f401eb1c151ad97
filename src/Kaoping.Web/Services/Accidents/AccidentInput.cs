using Kaoping.Data.Entities;
using Kaoping.Text;

namespace Kaoping.Web.Services.Accidents;

/// <summary>One target's accident statistics as entered or imported; <see cref="Problems"/> names each wrong field.</summary>
public sealed record AccidentInput(int Deaths, int Injuries, int Serious, int Major, int EspeciallyMajor, int DeathQuota, bool Concealed,
    int Accidents = 0, int AccidentQuota = 0, int MineFatalAccidents = 0)
{
    public const int MaxCount = 100_000;

    /// <summary>The count columns of the form, the API and the workbook, in order (瞒报谎报 follows them): field, Chinese name, English name.</summary>
    public static readonly (string Field, string Zh, string En)[] Columns =
    [
        ("deaths", "死亡人数", "deaths"), ("injuries", "受伤人数", "injuries"), ("serious", "较大事故起数", "serious accidents"),
        ("major", "重大事故起数", "major accidents"), ("especiallyMajor", "特别重大事故起数", "especially major accidents"),
        ("deathQuota", "死亡控制指标", "death control quota"), ("accidents", "事故起数", "accidents"),
        ("accidentQuota", "事故起数控制指标", "accident control quota"), ("mineFatalAccidents", "非煤矿山亡人事故起数", "fatal non-coal mine accidents"),
    ];

    public static readonly AccidentInput None = new(0, 0, 0, 0, 0, 0, false);

    public int[] Counts => [Deaths, Injuries, Serious, Major, EspeciallyMajor, DeathQuota, Accidents, AccidentQuota, MineFatalAccidents];

    /// <summary>The statistics from the counts in the order of <see cref="Columns"/>.</summary>
    public static AccidentInput Of(IReadOnlyList<int> c, bool concealed) => new(c[0], c[1], c[2], c[3], c[4], c[5], concealed, c[6], c[7], c[8]);

    public Dictionary<string, LocalizedText> Problems()
    {
        var problems = new Dictionary<string, LocalizedText>();
        for (var i = 0; i < Counts.Length; i++)
        {
            if (Counts[i] is < 0 or > MaxCount)
                problems[Columns[i].Field] = LocalizedText.Format("{0}应是0到{1}的整数，读到的是 {2}。", "{0} must be a whole number from 0 to {1}; got {2}.",
                    new LocalizedText(Columns[i].Zh, Columns[i].En), MaxCount, Counts[i]);
        }
        return problems;
    }

    public static AccidentInput Of(AccidentStatistics s) =>
        new(s.Deaths, s.Injuries, s.Serious, s.Major, s.EspeciallyMajor, s.DeathQuota, s.Concealed, s.Accidents, s.AccidentQuota, s.MineFatalAccidents);

    public void CopyTo(AccidentStatistics s)
    {
        (s.Deaths, s.Injuries, s.Serious, s.Major, s.EspeciallyMajor, s.DeathQuota, s.Concealed) =
            (Deaths, Injuries, Serious, Major, EspeciallyMajor, DeathQuota, Concealed);
        (s.Accidents, s.AccidentQuota, s.MineFatalAccidents) = (Accidents, AccidentQuota, MineFatalAccidents);
    }

    /// <summary>As the audit trail shows it: 死亡2人（控制指标3人），受伤1人，较大事故0起，…，事故4起（控制指标5起），非煤矿山亡人事故0起，无瞒报谎报.</summary>
    public string Describe() =>
        $"死亡{Deaths}人（控制指标{DeathQuota}人），受伤{Injuries}人，较大事故{Serious}起，重大事故{Major}起，特别重大事故{EspeciallyMajor}起，"
        + $"事故{Accidents}起（控制指标{AccidentQuota}起），非煤矿山亡人事故{MineFatalAccidents}起，"
        + (Concealed ? "有瞒报谎报" : "无瞒报谎报");
}
