using Kaoping.Web.Services.Nodes;

namespace Kaoping.Web.Services;

/// <summary>A sheet was saved: by whom, at which version, and which item if one.</summary>
public sealed record SheetChange(int SheetId, int Version, string By, string? ItemKey);

/// <summary>
/// Tells open sheet pages that a sheet changed, so that co-editors see each other's work at once: the pages of this node
/// at once, and on PostgreSQL those of the other nodes through <see cref="NodeMessages"/> (docs/decisions/0003).
/// </summary>
public sealed class SheetEvents(NodeMessages nodes)
{
    public event Action<SheetChange>? Changed;

    /// <summary>A sheet was saved here (after the save committed).</summary>
    public void Publish(SheetChange change)
    {
        Changed?.Invoke(change);
        nodes.Post(NodeChannels.Sheets, $"{change.SheetId} {change.Version} {change.ItemKey ?? "-"} {change.By}");
    }

    /// <summary>A sheet was saved on another node.</summary>
    public void Receive(SheetChange change) => Changed?.Invoke(change);
}
