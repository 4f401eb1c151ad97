using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data.Audit;

/// <summary>
/// Chains the audit entries a database held before entries were chained (the AuditChain migration): run right after
/// migrating, by <c>kaoping migrate</c> and by the web app's start on the embedded database. Only a sheet that has no
/// chain yet — no last hash and no hashed entry — is chained, each in a transaction of its own that also raises its
/// version; an unhashed entry on a sheet that already has a chain is left for <c>kaoping audit verify</c> to report.
/// </summary>
public static class AuditUpgrade
{
    /// <summary>The number of entries chained.</summary>
    public static async Task<int> ChainExistingAsync(KaopingDbContext db, CancellationToken cancel = default)
    {
        var sheets = await db.Sheets.AsNoTracking()
            .Where(s => s.AuditHead == null && db.SheetAudit.Any(e => e.SheetId == s.Id && e.Hash == null)).Select(s => s.Id).ToListAsync(cancel);
        var chained = 0;
        foreach (var id in sheets)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var entries = await db.SheetAudit.AsNoTracking().Where(e => e.SheetId == id).OrderBy(e => e.Id).ToListAsync(cancel);
            if (entries.Any(e => e.Hash is not null))
                continue;
            string? head = null;
            foreach (var entry in entries)
            {
                var hash = AuditLinks.Of(entry, head);
                await db.SheetAudit.Where(e => e.Id == entry.Id && e.Hash == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.Hash, hash), cancel);
                head = hash;
            }
            var last = head;
            if (await db.Sheets.Where(s => s.Id == id && s.AuditHead == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AuditHead, last).SetProperty(x => x.Version, x => x.Version + 1), cancel) == 1)
            {
                await transaction.CommitAsync(cancel);
                chained += entries.Count;
            }
        }
        return chained;
    }
}
