using Kaoping.Data.Entities;

namespace Kaoping.Data.Audit;

/// <summary>
/// What each chain's entries hash: every stored column of the entry but its id, its own hash and (for a sheet's entry)
/// the sheet's id, which a new sheet does not have yet when its first entries are recorded; an entry moved to another
/// sheet still breaks both chains.
/// </summary>
public static class AuditLinks
{
    public static string Of(SheetAuditEntry e, string? previous) =>
        AuditHash.After(previous, "kaoping/sheet-audit/1")
            .Add(e.Kind.ToString()).Add(e.ItemKey?.ToString()).Add(e.FindingId)
            .Add(e.Before).Add(e.After).Add(e.Why).Add(e.By).Add(e.At)
            .Hex();

    public static string Of(SecurityEvent e, string? previous) =>
        AuditHash.After(previous, "kaoping/security-log/1")
            .Add(e.Kind.ToString()).Add(e.UserName).Add(e.By).Add(e.Address).Add(e.Detail).Add(e.At)
            .Hex();
}
