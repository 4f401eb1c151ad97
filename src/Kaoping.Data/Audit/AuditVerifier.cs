using Kaoping.Data.Entities;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data.Audit;

/// <summary>What a verification found: counts of what it checked, and the first break (null when all is intact).</summary>
public sealed record AuditVerification(int Sheets, long Entries, long Events, int Files, LocalizedText? Break, string? SecurityHead)
{
    public bool Intact => Break is null;
}

/// <summary>
/// Checks every chain — each sheet's audit trail against the head its sheet keeps, and the security log against its
/// head row — and each evidence file's bytes against the SHA-256 recorded for it. Stops at the first break and names it.
/// Entries are streamed in order; nothing is held but the current sheet's last hash.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Evidence files are opened by <paramref name="openEvidence"/> (its plaintext); null skips them.</summary>
    public static async Task<AuditVerification> VerifyAsync(KaopingDbContext db, Func<string, Stream>? openEvidence, CancellationToken cancel)
    {
        var heads = await db.Sheets.AsNoTracking().Select(s => new { s.Id, s.AuditHead }).ToDictionaryAsync(s => s.Id, s => s.AuditHead, cancel);
        var sheets = heads.Count;
        long entries = 0;
        int? sheet = null;
        string? previous = null;
        long lastId = 0;
        await foreach (var e in db.SheetAudit.AsNoTracking().OrderBy(e => e.SheetId).ThenBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancel))
        {
            if (e.SheetId != sheet)
            {
                if (sheet is { } done && HeadBreak(done, heads, previous, lastId) is { } broken)
                    return new(sheets, entries, 0, 0, broken, null);
                heads.Forget(sheet);
                sheet = e.SheetId;
                previous = null;
            }
            entries++;
            if (e.Hash is null)
                return new(sheets, entries, 0, 0, LocalizedText.Format("考评表{0}的修改记录 #{1} 没有哈希，未入链。",
                    "sheet {0}, audit entry #{1}: it has no hash and is not in the chain.", e.SheetId, e.Id), null);
            var expected = AuditLinks.Of(e, previous);
            if (expected != e.Hash)
            {
                return new(sheets, entries, 0, 0, LocalizedText.Format(
                    "考评表{0}的修改记录 #{1}：哈希不符——这条记录的内容被改动，或它之前的记录被删除或调换了次序。",
                    "sheet {0}, audit entry #{1}: the hash does not match — the entry was changed, or an entry before it was deleted or moved.",
                    e.SheetId, e.Id), null);
            }
            previous = expected;
            lastId = e.Id;
        }
        if (sheet is { } last && HeadBreak(last, heads, previous, lastId) is { } end)
            return new(sheets, entries, 0, 0, end, null);
        heads.Forget(sheet);
        // Sheets without a single entry left must not claim a last hash.
        if (heads.FirstOrDefault(h => h.Value is not null) is { Value: not null } emptied)
        {
            return new(sheets, entries, 0, 0, LocalizedText.Format("考评表{0}：链尾记有哈希，却没有任何修改记录——记录被删除了。",
                "sheet {0}: its chain has a last hash but no audit entries — they were deleted.", emptied.Key), null);
        }
        var (events, securityBreak, head) = await SecurityLogAsync(db, cancel);
        if (securityBreak is not null)
            return new(sheets, entries, events, 0, securityBreak, null);
        var (files, fileBreak) = openEvidence is null ? (0, null) : await EvidenceAsync(db, openEvidence, cancel);
        return new(sheets, entries, events, files, fileBreak, head);
    }

    private static void Forget(this Dictionary<int, string?> heads, int? done)
    {
        if (done is { } id)
            heads.Remove(id);
    }

    private static LocalizedText? HeadBreak(int sheet, Dictionary<int, string?> heads, string? last, long lastId) =>
        heads.TryGetValue(sheet, out var head) && head == last
            ? null
            : LocalizedText.Format("考评表{0}：链尾哈希与最后一条修改记录（#{1}）不符——其后的记录被删除，或链尾被改动。",
                "sheet {0}: the chain's last hash does not match its last audit entry (#{1}) — entries after it were deleted, or the head was changed.",
                sheet, lastId);

    private static async Task<(long Events, LocalizedText? Break, string? Head)> SecurityLogAsync(KaopingDbContext db, CancellationToken cancel)
    {
        var head = await db.SecurityLogHeads.AsNoTracking().Where(h => h.Id == SecurityLogHead.TheOne).Select(h => h.Hash).FirstOrDefaultAsync(cancel);
        string? previous = null;
        long events = 0, lastId = 0;
        await foreach (var e in db.SecurityLog.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancel))
        {
            events++;
            var expected = AuditLinks.Of(e, previous);
            if (expected != e.Hash)
            {
                return (events, LocalizedText.Format("安全日志的事件 #{0}：哈希不符——这条事件的内容被改动，或它之前的事件被删除或调换了次序。",
                    "security log, event #{0}: the hash does not match — the event was changed, or an event before it was deleted or moved.", e.Id), null);
            }
            previous = expected;
            lastId = e.Id;
        }
        if (head != previous)
        {
            return (events, LocalizedText.Format("安全日志：链尾哈希与最后一条事件（#{0}）不符——其后的事件被删除，或链尾被改动。",
                "security log: the chain's last hash does not match its last event (#{0}) — events after it were deleted, or the head was changed.",
                lastId), null);
        }
        return (events, null, head);
    }

    private static async Task<(int Files, LocalizedText? Break)> EvidenceAsync(KaopingDbContext db, Func<string, Stream> open, CancellationToken cancel)
    {
        var files = await db.SheetEvidence.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.SheetId, e.FileName, e.Sha256 }).ToListAsync(cancel);
        var checkedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!checkedFiles.Add(file.Sha256))
                continue;
            string actual;
            try
            {
                await using var content = open(file.Sha256);
                actual = await EvidenceFiles.Sha256Async(content, cancel);
            }
            catch (Evidence.EvidenceCipherException e)
            {
                return (checkedFiles.Count, LocalizedText.Format("佐证材料 #{0}（考评表{1}，“{2}”）：{3}", "evidence #{0} (sheet {1}, “{2}”): {4}",
                    file.Id, file.SheetId, file.FileName, e.Reason.Zh, e.Reason.En));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                return (checkedFiles.Count, LocalizedText.Format("佐证材料 #{0}（考评表{1}，“{2}”）：文件无法读取：{3}",
                    "evidence #{0} (sheet {1}, “{2}”): the file cannot be read: {3}", file.Id, file.SheetId, file.FileName, e.Message));
            }
            if (actual != file.Sha256)
            {
                return (checkedFiles.Count, LocalizedText.Format("佐证材料 #{0}（考评表{1}，“{2}”）：文件内容与记录的 SHA-256 不符——文件被改动了。",
                    "evidence #{0} (sheet {1}, “{2}”): the file's content does not match its recorded SHA-256 — the file was changed.",
                    file.Id, file.SheetId, file.FileName));
            }
        }
        return (checkedFiles.Count, null);
    }
}
