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
}

/// <summary>One entry of a campaign's audit trail: who changed what of the campaign, when, from what to what. Append-only.</summary>
public sealed class CampaignAuditEntry
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public CampaignChange Kind { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public static string? Clip(string? text) => text is { Length: > 4000 } ? text[..4000] : text;
}
