using Kaoping.Campaigns;

namespace Kaoping.Web.Services;

/// <summary>
/// Who may read the security log and verify the audit chains: the one place that decides it (the page, its API and the
/// menu ask here): with 三员分立, the security auditor (安全审计员) alone.
/// </summary>
public static class AuditReaders
{
    public static IReadOnlyList<Role> Roles { get; } = [Role.Auditor];

    /// <summary>For the menu only (from the sign-in's claims); pages and endpoints ask <see cref="Allows"/> with the caller as the database has it.</summary>
    public static string RoleNames { get; } = string.Join(',', Roles);

    public static bool Allows(Caller? caller) => caller is not null && Roles.Contains(caller.Role);
}
