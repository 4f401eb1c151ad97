namespace Kaoping.Campaigns;

/// <summary>Where a target's sheet is in the assessment workflow.</summary>
public enum SheetState
{
    /// <summary>未开始</summary>
    NotStarted,

    /// <summary>自评中: the target's reporter fills the self-assessment.</summary>
    SelfAssessing,

    /// <summary>自评已提交</summary>
    SelfAssessed,

    /// <summary>考评中: the assessment team scores.</summary>
    Assessing,

    /// <summary>考评已提交</summary>
    Assessed,

    /// <summary>已复核</summary>
    Reviewed,

    /// <summary>已审定</summary>
    Approved,

    /// <summary>已公示</summary>
    Published,
}

public static class SheetStates
{
    public static string Chinese(this SheetState state) => state switch
    {
        SheetState.NotStarted => "未开始",
        SheetState.SelfAssessing => "自评中",
        SheetState.SelfAssessed => "自评已提交",
        SheetState.Assessing => "考评中",
        SheetState.Assessed => "考评已提交",
        SheetState.Reviewed => "已复核",
        SheetState.Approved => "已审定",
        SheetState.Published => "已公示",
    };

    public static string English(this SheetState state) => state switch
    {
        SheetState.NotStarted => "Not started",
        SheetState.SelfAssessing => "Self-assessing",
        SheetState.SelfAssessed => "Self-assessment submitted",
        SheetState.Assessing => "Assessing",
        SheetState.Assessed => "Assessment submitted",
        SheetState.Reviewed => "Reviewed",
        SheetState.Approved => "Approved",
        SheetState.Published => "Published",
    };
}
