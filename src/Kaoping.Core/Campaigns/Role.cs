namespace Kaoping.Campaigns;

/// <summary>What a user is in the assessment. Stored as ASP.NET Core Identity role names.</summary>
public enum Role
{
    /// <summary>管理员: the work-safety office — rubrics, campaigns, teams, users.</summary>
    Admin,

    /// <summary>考评员: scores the targets assigned to their team.</summary>
    Assessor,

    /// <summary>填报员: their own target only.</summary>
    Reporter,

    /// <summary>领导: reads results.</summary>
    Leader,
}

public static class Roles
{
    public const string Admin = nameof(Role.Admin);
    public const string Assessor = nameof(Role.Assessor);
    public const string Reporter = nameof(Role.Reporter);
    public const string Leader = nameof(Role.Leader);

    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static string Chinese(this Role role) => role switch
    {
        Role.Admin => "管理员",
        Role.Assessor => "考评员",
        Role.Reporter => "填报员",
        Role.Leader => "领导",
    };

    public static string English(this Role role) => role switch
    {
        Role.Admin => "Administrator",
        Role.Assessor => "Assessor",
        Role.Reporter => "Reporter",
        Role.Leader => "Leader",
    };
}
