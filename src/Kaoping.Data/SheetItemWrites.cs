using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data;

/// <summary>
/// Saves a change of one item of a sheet that was loaded without tracking: the most frequent write there is (every
/// input on the scoring sheet, every findings PUT), so it skips the change tracker's snapshots and diffs.
/// </summary>
public static class SheetItemWrites
{
    /// <summary>
    /// In one transaction: the sheet's new version (only if it is still at <paramref name="loadedVersion"/>), the item's
    /// findings and remark of one side as <paramref name="sheet"/> now has them, and the audit entries it has gained.
    /// False, and nothing written, when someone saved the sheet in between.
    /// </summary>
    public static Task<bool> SaveItemAsync(this KaopingDbContext db, Sheet sheet, int loadedVersion, FindingSide side, string itemKey, CancellationToken cancel) =>
        SqliteWriteGate.RunAsync(db, async () =>
        {
            // Only this change is saved, whatever a long-lived context (a page's) may still track.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var moved = await db.Sheets.Where(s => s.Id == sheet.Id && s.Version == loadedVersion)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Version, sheet.Version)
                    .SetProperty(s => s.UpdatedAt, sheet.UpdatedAt)
                    .SetProperty(s => s.UpdatedBy, sheet.UpdatedBy), cancel);
            if (moved == 0)
                return false;
            await db.SheetFindings.Where(f => f.SheetId == sheet.Id && f.Side == side && f.ItemKey == itemKey).ExecuteDeleteAsync(cancel);
            await db.SheetRemarks.Where(r => r.SheetId == sheet.Id && r.Side == side && r.ItemKey == itemKey).ExecuteDeleteAsync(cancel);
            foreach (var finding in sheet.Findings.Where(f => f.Side == side && f.ItemKey == itemKey))
            {
                finding.SheetId = sheet.Id;
                db.SheetFindings.Add(finding);
            }
            foreach (var remark in sheet.Remarks.Where(r => r.Side == side && r.ItemKey == itemKey))
            {
                remark.SheetId = sheet.Id;
                db.SheetRemarks.Add(remark);
            }
            foreach (var entry in sheet.Audit.Where(e => e.Id == 0))
            {
                entry.SheetId = sheet.Id;
                db.SheetAudit.Add(entry);
            }
            try
            {
                await db.SaveChangesAsync(cancel);
                await transaction.CommitAsync(cancel);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
            return true;
        }, cancel);
}
