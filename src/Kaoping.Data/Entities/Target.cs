namespace Kaoping.Data.Entities;

/// <summary>考评对象: a county, city, district or functional zone assessed year after year.</summary>
public sealed class Target
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>县（市）、区 or 功能区.</summary>
    public string Kind { get; set; } = "";

    /// <summary>所属地区, the regions above it from the widest, joined by “ › ” (e.g. 河南省 › 许昌市); null when not given.</summary>
    public string? Region { get; set; }
}
