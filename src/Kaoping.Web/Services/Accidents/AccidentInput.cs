using Kaoping.Data.Entities;
using Kaoping.Text;

namespace Kaoping.Web.Services.Accidents;

/// <summary>One target's accident statistics as entered or imported; <see cref="Problems"/> names each wrong field.</summary>
public sealed record AccidentInput(int Deaths, int Injuries, int Serious, int Major, int EspeciallyMajor, int DeathQuota, bool Concealed)
{
    public const int MaxCount = 100_000;

    /// <summary>The columns of the form, the API and the workbook, in order: field, Chinese name, English name.</summary>
    public static readonly (string Field, string Zh, string En)[] Columns =
    [
        ("deaths", "死亡人数", "deaths"), ("injuries", "受伤人数", "injuries"), ("serious", "较大事故起数", "serious accidents"),
        ("major", "重大事故起数", "major accidents"), ("especiallyMajor", "特别重大事故起数", "especially major accidents"),
        ("deathQuota", "死亡控制指标", "death control quota"), ("concealed", "瞒报谎报", "concealment"),
    ];

    public int[] Counts => [Deaths, Injuries, Serious, Major, EspeciallyMajor, DeathQuota];

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

    public static AccidentInput Of(AccidentStatistics s) => new(s.Deaths, s.Injuries, s.Serious, s.Major, s.EspeciallyMajor, s.DeathQuota, s.Concealed);

    public void CopyTo(AccidentStatistics s)
    {
        (s.Deaths, s.Injuries, s.Serious, s.Major, s.EspeciallyMajor, s.DeathQuota, s.Concealed) =
            (Deaths, Injuries, Serious, Major, EspeciallyMajor, DeathQuota, Concealed);
    }

    /// <summary>As the audit trail shows it: 死亡2人（控制指标3人），受伤1人，较大0起，重大0起，特别重大0起，无瞒报谎报.</summary>
    public string Describe() =>
        $"死亡{Deaths}人（控制指标{DeathQuota}人），受伤{Injuries}人，较大事故{Serious}起，重大事故{Major}起，特别重大事故{EspeciallyMajor}起，"
        + (Concealed ? "有瞒报谎报" : "无瞒报谎报");
}
