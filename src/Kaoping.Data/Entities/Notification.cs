namespace Kaoping.Data.Entities;

/// <summary>Why a user is told something.</summary>
public enum NotificationKind
{
    /// <summary>退回: a sheet of the user's came back with a comment.</summary>
    Returned,

    /// <summary>待处理: a sheet was handed to the user (self-assessment to the team, scores to the office).</summary>
    Submitted,

    /// <summary>已公示</summary>
    Published,

    AppealFiled,

    AppealDecided,

    /// <summary>截止日期临近（3天、1天）</summary>
    DeadlineSoon,

    Overdue,

    /// <summary>延期或跳过自评: the office changed the sheet's course.</summary>
    Corrected,
}

/// <summary>一条提醒: in-app, for one user, about a sheet or campaign; read once opened.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public NotificationKind Kind { get; set; }

    public int? CampaignId { get; set; }

    public int? SheetId { get; set; }

    public required string Text { get; set; }

    public required string TextEn { get; set; }

    /// <summary>What repeats must not: a reminder is made once per sheet, stage and day left (e.g. "due3:12:2026-12-01").</summary>
    public string? Key { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
