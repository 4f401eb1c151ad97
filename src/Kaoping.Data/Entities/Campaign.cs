using Kaoping.Campaigns;

namespace Kaoping.Data.Entities;

/// <summary>考评任务: one year's assessment of many targets on one rubric, with teams and deadlines.</summary>
public sealed class Campaign
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int Year { get; set; }

    public int RubricId { get; set; }

    public StoredRubric? Rubric { get; set; }

    /// <summary>The scheme its results are computed under; none: the default scheme of its rubric alone.</summary>
    public int? SchemeId { get; set; }

    public StoredScheme? Scheme { get; set; }

    public DateOnly? SelfAssessmentDue { get; set; }

    public DateOnly? AssessmentDue { get; set; }

    public DateOnly? ReviewDue { get; set; }

    public DateOnly? ApprovalDue { get; set; }

    /// <summary>申诉截止: after publication, appeals are taken up to and including this day.</summary>
    public DateOnly? AppealDue { get; set; }

    public CampaignDeadlines Deadlines => new(SelfAssessmentDue, AssessmentDue, ReviewDue, ApprovalDue, AppealDue);

    public DateTimeOffset CreatedAt { get; set; }

    public List<Team> Teams { get; set; } = [];

    public List<Sheet> Sheets { get; set; } = [];
}

/// <summary>考评组: the assessors who visit some of a campaign's targets.</summary>
public sealed class Team
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public required string Name { get; set; }

    public List<TeamMember> Members { get; set; } = [];
}

public sealed class TeamMember
{
    public int TeamId { get; set; }

    public required string UserId { get; set; }

    public KaopingUser? User { get; set; }
}
