namespace Kaoping.Campaigns;

/// <summary>What an entry of a sheet's audit trail records.</summary>
public enum AuditKind
{
    /// <summary>考评扣分: the team changed an item's findings or note.</summary>
    Findings,

    /// <summary>自评: the target changed its self-assessment of an item.</summary>
    SelfAssessment,

    /// <summary>上传佐证材料</summary>
    EvidenceAdded,

    /// <summary>撤下佐证材料</summary>
    EvidenceRemoved,

    /// <summary>流程: a workflow action.</summary>
    Transition,

    /// <summary>提出申诉</summary>
    AppealFiled,

    /// <summary>处理申诉: upheld or amended (with the re-scored item).</summary>
    AppealDecided,

    /// <summary>延期: the office gave the sheet more time, with the reason.</summary>
    DeadlineExtended,

    /// <summary>不涉及: the team marked an item not applicable to the target, with the reason, or took the mark back.</summary>
    NotApplicable,
}

public static class AuditKinds
{
    public static string Chinese(this AuditKind kind) => kind switch
    {
        AuditKind.Findings => "考评扣分",
        AuditKind.SelfAssessment => "自评",
        AuditKind.EvidenceAdded => "上传佐证材料",
        AuditKind.EvidenceRemoved => "撤下佐证材料",
        AuditKind.Transition => "流程",
        AuditKind.AppealFiled => "提出申诉",
        AuditKind.AppealDecided => "处理申诉",
        AuditKind.DeadlineExtended => "延期",
        AuditKind.NotApplicable => "不涉及",
    };

    public static string English(this AuditKind kind) => kind switch
    {
        AuditKind.Findings => "Findings",
        AuditKind.SelfAssessment => "Self-assessment",
        AuditKind.EvidenceAdded => "Evidence added",
        AuditKind.EvidenceRemoved => "Evidence removed",
        AuditKind.Transition => "Workflow",
        AuditKind.AppealFiled => "Appeal filed",
        AuditKind.AppealDecided => "Appeal decided",
        AuditKind.DeadlineExtended => "Deadline extended",
        AuditKind.NotApplicable => "Not applicable",
    };
}
