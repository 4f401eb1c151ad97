namespace Kaoping.Data.Entities;

/// <summary>
/// 事故统计: one target's accident figures for a campaign's year, entered or imported by the office. The accident part's
/// findings and the automatic vetoes follow from them (the web app's <c>AccidentFindings</c>).
/// </summary>
public sealed class AccidentStatistics
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int TargetId { get; set; }

    public Target? Target { get; set; }

    /// <summary>死亡人数</summary>
    public int Deaths { get; set; }

    /// <summary>受伤人数</summary>
    public int Injuries { get; set; }

    /// <summary>较大事故起数</summary>
    public int Serious { get; set; }

    /// <summary>重大事故起数</summary>
    public int Major { get; set; }

    /// <summary>特别重大事故起数</summary>
    public int EspeciallyMajor { get; set; }

    /// <summary>死亡人数控制指标</summary>
    public int DeathQuota { get; set; }

    /// <summary>生产安全事故起数</summary>
    public int Accidents { get; set; }

    /// <summary>事故起数控制指标</summary>
    public int AccidentQuota { get; set; }

    /// <summary>非煤矿山亡人事故起数</summary>
    public int MineFatalAccidents { get; set; }

    /// <summary>瞒报、谎报</summary>
    public bool Concealed { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedBy { get; set; } = "";
}
