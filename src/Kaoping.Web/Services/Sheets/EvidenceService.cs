using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Web.Services;

/// <summary>
/// An evidence file to send: its record and its content, null when the file is missing or no longer matches its SHA-256
/// (then <see cref="Problem"/> says what is wrong with it, when it is there but cannot be served).
/// </summary>
public sealed record EvidenceDownload(SheetEvidence Evidence, Stream? Content, LocalizedText? Problem = null);

/// <summary>
/// 佐证材料 on a sheet's items: the target adds its own while self-assessing or appealing, the team while assessing.
/// Every addition and removal is in the audit trail with the file's SHA-256.
/// </summary>
public sealed class EvidenceService(SheetService sheets, EvidenceStore store, SecurityLog log)
{
    public long MaxBytes => store.MaxBytes;

    public async Task<(SheetUpdate Result, SheetEvidence? Added)> AddAsync(
        int id, ItemKey key, string? fileName, Stream content, Caller caller, string userName, CancellationToken cancel = default)
    {
        // Refused before the file is stored, and again when it is recorded: the sheet may have moved on meanwhile.
        if (await sheets.GetAsync(id, caller, cancel) is not { } view)
            return (new SheetUpdate.NotFound(), null);
        if (await RefuseAsync(view.Sheet, key, caller, cancel) is { } refused)
            return (refused, null);
        if (EvidenceInspection.NameProblem(fileName) is { } badName)
            return (SheetUpdate.Invalid.Of("file", badName), null);
        StoredFile stored;
        try
        {
            stored = await store.StoreAsync(content, fileName, cancel);
        }
        catch (EvidenceTooLargeException tooLarge)
        {
            return (new SheetUpdate.TooLarge(tooLarge.Reason), null);
        }
        catch (InvalidInputException invalid)
        {
            return (SheetUpdate.Invalid.Of("file", invalid.Text), null);
        }

        // The file is kept; a co-editor's save in between only means adding the record to the newer sheet.
        SheetEvidence? added = null;
        var result = await sheets.ChangeAsync(id, caller, key, 3, async sheet =>
        {
            if (await RefuseAsync(sheet, key, caller, cancel) is { } now)
                return now;
            added = new SheetEvidence
            {
                ItemKey = key, Side = sheets.RightsOf(sheet, caller).EvidenceSide!.Value, FileName = EvidenceKinds.SafeFileName(fileName, stored.Kind),
                Kind = stored.Kind, Size = stored.Size, Sha256 = stored.Sha256, UploadedBy = userName, UploadedAt = sheets.Now,
            };
            sheet.Evidence.Add(added);
            sheet.Record(AuditKind.EvidenceAdded, key, null, Describe(added), null, userName, sheets.Now);
            sheet.Stamp(userName, sheets.Now);
            return null;
        }, cancel);
        return (result, result is SheetUpdate.Saved ? added : null);
    }

    public Task<SheetUpdate> RemoveAsync(int id, long evidenceId, Caller caller, string userName, CancellationToken cancel = default) =>
        sheets.ChangeAsync(id, caller, null, 1, async sheet =>
        {
            var evidence = sheet.Evidence.FirstOrDefault(e => e.Id == evidenceId && e.RemovedAt is null);
            var rights = sheets.RightsOf(sheet, caller);
            if (evidence is null || (evidence.Side == FindingSide.Team && !rights.SeesTeam))
                return new SheetUpdate.NotFound();
            if (await RefuseAsync(sheet, evidence.ItemKey, caller, cancel) is { } refused)
                return refused;
            if (rights.EvidenceSide != evidence.Side)
                return new SheetUpdate.Forbidden(new("只能撤下本方上传的佐证材料。", "You may only remove evidence of your own side."));
            evidence.RemovedBy = userName;
            evidence.RemovedAt = sheets.Now;
            sheet.Record(AuditKind.EvidenceRemoved, evidence.ItemKey, Describe(evidence), null, null, userName, sheets.Now);
            sheet.Stamp(userName, sheets.Now);
            return null;
        }, cancel);

    /// <summary>
    /// The file, for those who see it on the sheet; null otherwise (the same as no such file). A file that is missing or
    /// whose bytes no longer match its SHA-256 is not served: its content is null and the security log records it.
    /// </summary>
    public async Task<EvidenceDownload?> OpenAsync(int id, long evidenceId, Caller caller, string userName, CancellationToken cancel = default)
    {
        if (await sheets.GetAsync(id, caller, cancel) is not { } view)
            return null;
        var evidence = view.Sheet.Evidence.FirstOrDefault(e => e.Id == evidenceId && e.RemovedAt is null);
        if (evidence is null || (evidence.Side == FindingSide.Team && !view.Rights.SeesTeam))
            return null;
        var (content, problem) = await store.OpenVerifiedAsync(evidence.Sha256, cancel);
        if (content is null)
        {
            await log.RecordAsync(SecurityEventKind.EvidenceTampered, userName, detail:
                $"考评表{id}的佐证材料 #{evidence.Id}“{evidence.FileName}”{(problem is null ? "缺失" : "：" + problem.Zh)}"
                + $"（记录的 SHA-256 {evidence.Sha256}），已拒绝提供", cancel: cancel);
        }
        return new EvidenceDownload(evidence, content, problem);
    }

    public static string Describe(SheetEvidence evidence) =>
        $"{evidence.FileName}（{SizeText(evidence.Size)}，SHA-256 {evidence.Sha256}）";

    public static string SizeText(long size) => size switch
    {
        < 1024 => size.ToString(System.Globalization.CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (size / 1024m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " KB",
        _ => (size / 1024m / 1024m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB",
    };

    private async Task<SheetUpdate?> RefuseAsync(Sheet sheet, ItemKey key, Caller caller, CancellationToken cancel)
    {
        if (sheets.RightsOf(sheet, caller).EvidenceSide is null)
        {
            return SheetService.Refusal(sheet, caller,
                LocalizedText.Format("考评表当前状态为“{0}”，不能上传或撤下佐证材料。", "The sheet is “{1}”; evidence cannot be added or removed now.",
                    sheet.State.Chinese(), sheet.State.English()),
                new("只有被考评单位的填报员（自评、申诉）或负责的考评组（考评）可以上传佐证材料。",
                    "Only the target's reporter (self-assessment, appeal) or its team (assessment) may add evidence."));
        }
        var rubric = await sheets.RubricOfAsync(sheet, cancel);
        if (rubric.Find(key) is null)
            return SheetUpdate.Invalid.Of("item", LocalizedText.Format("没有考评项目“{0}”。", "there is no item “{0}”.", key));
        return null;
    }
}
