namespace Kaoping.Campaigns;

/// <summary>What a user is in the assessment. Stored as ASP.NET Core Identity role names.</summary>
public enum Role
{
    /// <summary>安委办: the work-safety office — rubrics, targets, campaigns, review, approval, publication, appeals.</summary>
    Admin,

    /// <summary>考评员: scores the targets assigned to their team.</summary>
    Assessor,

    /// <summary>填报员: their own target only.</summary>
    Reporter,

    /// <summary>领导: reads results.</summary>
    Leader,

    /// <summary>系统管理员: users and settings only — no assessment work (三员分立).</summary>
    SystemAdmin,

    /// <summary>安全审计员: reads the audit trails and security logs and verifies them; changes nothing.</summary>
    Auditor,
}

public static class Roles
{
    public const string Admin = nameof(Role.Admin);
    public const string Assessor = nameof(Role.Assessor);
    public const string Reporter = nameof(Role.Reporter);
    public const string Leader = nameof(Role.Leader);
    public const string SystemAdmin = nameof(Role.SystemAdmin);
    public const string Auditor = nameof(Role.Auditor);

    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>The roles of the assessment work; the system administrator and the auditor do none of it.</summary>
    public static bool IsOffice(this Role role) => role is Role.Admin or Role.Assessor or Role.Reporter or Role.Leader;

    public static string Chinese(this Role role) => role switch
    {
        Role.Admin => "安委办管理员",
        Role.Assessor => "考评员",
        Role.Reporter => "填报员",
        Role.Leader => "领导",
        Role.SystemAdmin => "系统管理员",
        Role.Auditor => "安全审计员",
    };

    public static string English(this Role role) => role switch
    {
        Role.Admin => "Office administrator",
        Role.Assessor => "Assessor",
        Role.Reporter => "Reporter",
        Role.Leader => "Leader",
        Role.SystemAdmin => "System administrator",
        Role.Auditor => "Security auditor",
    };
}
