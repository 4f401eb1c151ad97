using Microsoft.AspNetCore.Identity;

namespace Kaoping.Data.Entities;

/// <summary>A user of Kaoping. A reporter (填报员) belongs to one target.</summary>
public sealed class KaopingUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int? TargetId { get; set; }

    public Target? Target { get; set; }

    /// <summary>停用: the user cannot sign in, and every session they have is refused.</summary>
    public bool Disabled { get; set; }

    /// <summary>An initial or reset password: the user must choose their own before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>不接收邮件提醒: the user reads notifications in the app only.</summary>
    public bool EmailOptOut { get; set; }

    /// <summary>When the account was created; accounts from before this was recorded have none.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
}
