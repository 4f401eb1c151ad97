namespace Kaoping.Web.Services;

/// <summary>A sheet was saved: by whom, at which version, and which item if one.</summary>
public sealed record SheetChange(int SheetId, int Version, string By, string? ItemKey);

/// <summary>
/// Tells open sheet pages that a sheet changed, so that co-editors see each other's work at once. In-process: one web
/// server holds every circuit (docs/decisions/0003).
/// </summary>
public sealed class SheetEvents
{
    public event Action<SheetChange>? Changed;

    public void Publish(SheetChange change) => Changed?.Invoke(change);
}
