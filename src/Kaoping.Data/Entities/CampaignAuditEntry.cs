namespace Kaoping.Data.Entities;

/// <summary>What an entry of a campaign's own audit trail records (a sheet's changes are in its own trail).</summary>
public enum CampaignChange
{
    /// <summary>改名称或截止日期</summary>
    Edited,

    /// <summary>改考评组（名称、成员、分到的单位）</summary>
    Teams,

    /// <summary>增加被考评单位</summary>
    TargetAdded,

    /// <summary>移除尚未开始的被考评单位</summary>
    TargetRemoved,

    /// <summary>录入或修改一个单位的事故统计</summary>
    Accidents,

    /// <summary>从 Excel 导入事故统计</summary>
    AccidentsImported,

    /// <summary>认定或撤销一票否决、增加或撤销加分</summary>
    Adjustment,
}

/// <summary>One entry of a campaign's audit trail: who changed what of the campaign, when, from what to what. Append-only.</summary>
public sealed class CampaignAuditEntry
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>The target the change is about, when it is about one.</summary>
    public int? TargetId { get; set; }

    public CampaignChange Kind { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public static string? Clip(string? text) => text is { Length: > 4000 } ? text[..4000] : text;
}
