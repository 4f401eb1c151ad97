namespace Kaoping.Campaigns;

/// <summary>Whose findings: the assessment team's (考评), or the target's own self-assessment (自评).</summary>
public enum FindingSide
{
    /// <summary>考评: the team's findings, the score that counts.</summary>
    Team,

    /// <summary>自评: what the target found against itself before the team came.</summary>
    Self,
}
