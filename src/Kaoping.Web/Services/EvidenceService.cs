using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Web.Services;

/// <summary>An evidence file to send: its record and its content.</summary>
public sealed record EvidenceDownload(SheetEvidence Evidence, Stream Content);

/// <summary>
/// 佐证材料 on a sheet's items: the target adds its own while self-assessing or appealing, the team while assessing.
/// Every addition and removal is in the audit trail with the file's SHA-256.
/// </summary>
public sealed class EvidenceService(SheetService sheets, EvidenceStore store)
{
    public long MaxBytes => store.MaxBytes;

    public async Task<(SheetUpdate Result, SheetEvidence? Added)> AddAsync(
        int id, string itemKey, string? fileName, Stream content, Caller caller, string userName, CancellationToken cancel = default)
    {
        var (sheet, refusal) = await sheets.LoadForChangeAsync(id, caller, cancel);
        if (refusal is not null)
            return (refusal, null);
        if (await RefuseAsync(sheet!, itemKey, caller, cancel) is { } refused)
            return (refused, null);
        if (EvidenceInspection.NameProblem(fileName) is { } badName)
            return (new SheetUpdate.Invalid(new Dictionary<string, LocalizedText> { ["file"] = badName }), null);
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
            return (new SheetUpdate.Invalid(new Dictionary<string, LocalizedText> { ["file"] = invalid.Text }), null);
        }

        // The file is kept; a co-editor's save in between only means adding the record to the newer sheet.
        for (var attempt = 1; ; attempt++)
        {
            var side = sheets.RightsOf(sheet!, caller).EvidenceSide!.Value;
            var evidence = new SheetEvidence
            {
                ItemKey = itemKey, Side = side, FileName = EvidenceKinds.SafeFileName(fileName, stored.Kind), Kind = stored.Kind,
                Size = stored.Size, Sha256 = stored.Sha256, UploadedBy = userName, UploadedAt = sheets.Now,
            };
            sheet!.Evidence.Add(evidence);
            ItemKey.TryParse(itemKey, out var key);
            sheet.Record(AuditKind.EvidenceAdded, key, null, Describe(evidence), null, userName, sheets.Now);
            sheet.Touch(userName, sheets.Now);
            var result = await sheets.SaveAsync(sheet, caller, key, cancel);
            if (result is not SheetUpdate.Stale || attempt == 3)
                return (result, result is SheetUpdate.Saved ? evidence : null);
            (sheet, refusal) = await sheets.LoadForChangeAsync(id, caller, cancel);
            if (refusal is not null)
                return (refusal, null);
            if (await RefuseAsync(sheet!, itemKey, caller, cancel) is { } now)
                return (now, null);
        }
    }

    public async Task<SheetUpdate> RemoveAsync(int id, long evidenceId, Caller caller, string userName, CancellationToken cancel = default)
    {
        var (sheet, refusal) = await sheets.LoadForChangeAsync(id, caller, cancel);
        if (refusal is not null)
            return refusal;
        var evidence = sheet!.Evidence.FirstOrDefault(e => e.Id == evidenceId && e.RemovedAt is null);
        var rights = sheets.RightsOf(sheet, caller);
        if (evidence is null || (evidence.Side == FindingSide.Team && !rights.SeesTeam))
            return new SheetUpdate.NotFound();
        if (await RefuseAsync(sheet, evidence.ItemKey, caller, cancel) is { } refused)
            return refused;
        if (rights.EvidenceSide != evidence.Side)
            return new SheetUpdate.Forbidden(new("只能撤下本方上传的佐证材料。", "You may only remove evidence of your own side."));
        evidence.RemovedBy = userName;
        evidence.RemovedAt = sheets.Now;
        ItemKey.TryParse(evidence.ItemKey, out var key);
        sheet.Record(AuditKind.EvidenceRemoved, key, Describe(evidence), null, null, userName, sheets.Now);
        sheet.Touch(userName, sheets.Now);
        return await sheets.SaveAsync(sheet, caller, key, cancel);
    }

    /// <summary>The file, for those who see it on the sheet; null otherwise (the same as no such file).</summary>
    public async Task<EvidenceDownload?> OpenAsync(int id, long evidenceId, Caller caller, CancellationToken cancel = default)
    {
        if (await sheets.GetAsync(id, caller, cancel) is not { } view)
            return null;
        var evidence = view.Sheet.Evidence.FirstOrDefault(e => e.Id == evidenceId && e.RemovedAt is null);
        if (evidence is null || (evidence.Side == FindingSide.Team && !view.Rights.SeesTeam))
            return null;
        return new EvidenceDownload(evidence, store.Open(evidence.Sha256));
    }

    public static string Describe(SheetEvidence evidence) =>
        $"{evidence.FileName}（{SizeText(evidence.Size)}，SHA-256 {evidence.Sha256}）";

    public static string SizeText(long size) => size switch
    {
        < 1024 => size.ToString(System.Globalization.CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (size / 1024m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " KB",
        _ => (size / 1024m / 1024m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB",
    };

    private async Task<SheetUpdate?> RefuseAsync(Sheet sheet, string itemKey, Caller caller, CancellationToken cancel)
    {
        if (sheets.RightsOf(sheet, caller).EvidenceSide is null)
        {
            return SheetService.Refusal(sheet, caller,
                LocalizedText.Format("考评表当前状态为“{0}”，不能上传或撤下佐证材料。", "The sheet is “{1}”; evidence cannot be added or removed now.", sheet.State.Chinese(), sheet.State.English()),
                new("只有被考评单位的填报员（自评、申诉）或负责的考评组（考评）可以上传佐证材料。",
                    "Only the target's reporter (self-assessment, appeal) or its team (assessment) may add evidence."));
        }
        var rubric = await sheets.RubricOfAsync(sheet, cancel);
        if (!ItemKey.TryParse(itemKey, out var key) || rubric.Find(key) is null)
            return new SheetUpdate.Invalid(new Dictionary<string, LocalizedText> { ["item"] = LocalizedText.Format("没有考评项目“{0}”。", "there is no item “{0}”.", itemKey) });
        return null;
    }
}
