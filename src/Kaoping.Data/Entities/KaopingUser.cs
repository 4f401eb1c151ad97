using Microsoft.AspNetCore.Identity;

namespace Kaoping.Data.Entities;

/// <summary>A user of Kaoping. A reporter (填报员) belongs to one target.</summary>
public sealed class KaopingUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int? TargetId { get; set; }

    public Target? Target { get; set; }
}
