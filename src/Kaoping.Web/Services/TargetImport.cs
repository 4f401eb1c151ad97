using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Kaoping.Web.Services.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>What an import did: targets (or accounts) added and updated.</summary>
public sealed record ImportCount(int Added, int Updated);

/// <summary>
/// Imports the targets workbook: a name not yet known adds a target; a known name (same text exactly) takes the file's
/// kind and region; targets missing from the file are left as they are (nothing is deleted). All rows or none, in one
/// save; the import is written to the security log with its counts.
/// </summary>
public sealed class TargetImport(IDbContextFactory<KaopingDbContext> contexts, SecurityLog security)
{
    public async Task<ImportCount> ImportAsync(Stream workbook, string fileName, string userName, CancellationToken cancel = default)
    {
        var rows = TargetWorkbook.Read(workbook, fileName);
        if (rows.Count == 0)
            throw new InvalidInputException(LocalizedText.Format("{0}：表头下没有数据行。", "{0}: there are no rows below the header.", fileName));
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var known = await db.Targets.ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, cancel);
        int added = 0, updated = 0;
        foreach (var row in rows)
        {
            if (!known.TryGetValue(row.Name, out var target))
            {
                db.Targets.Add(new Target { Name = row.Name, Kind = row.Kind, Region = row.Region });
                added++;
            }
            else if (target.Kind != row.Kind || target.Region != row.Region)
            {
                (target.Kind, target.Region) = (row.Kind, row.Region);
                updated++;
            }
        }
        if (added + updated == 0)
            return new(0, 0);
        await db.SaveChangesAsync(cancel);
        await security.RecordAsync(SecurityEventKind.TargetsImported, null, userName,
            detail: $"{(fileName.Length > 100 ? fileName[..100] + "…" : fileName)}：新增{added}个，更新{updated}个", cancel: cancel);
        return new(added, updated);
    }
}
