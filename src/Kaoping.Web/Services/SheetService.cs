using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>A sheet as its reader sees it: the rubric, the findings, the score and what the reader may do.</summary>
public sealed record SheetView(Sheet Sheet, Campaign Campaign, Rubric Rubric, SheetScore Score, bool CanEdit, IReadOnlyList<SheetAction> Actions)
{
    public string ETag => SheetService.ETagOf(Sheet.Version);

    public string TargetName => Sheet.Target?.Name ?? "";

    public string? Remark(ItemKey key) => Sheet.Remarks.FirstOrDefault(r => r.ItemKey == key.ToString())?.Text;

    public IEnumerable<Finding> FindingsOf(ItemKey key) => Sheet.ToFindings().Where(f => f.Item == key);
}

public abstract record SheetUpdate
{
    public sealed record Saved(SheetView View) : SheetUpdate;

    public sealed record NotFound : SheetUpdate;

    public sealed record Forbidden(LocalizedText Reason) : SheetUpdate;

    /// <summary>Allowed for the caller, but not in the sheet's present state.</summary>
    public sealed record Conflict(LocalizedText Reason) : SheetUpdate;

    public sealed record Invalid(IReadOnlyDictionary<string, LocalizedText> Problems) : SheetUpdate;

    /// <summary>Someone else saved the sheet first: the current sheet, to show the user.</summary>
    public sealed record Stale(SheetView Current) : SheetUpdate;
}

/// <summary>Reads and changes sheets, with the access rules of <see cref="SheetAccess"/> and optimistic concurrency on the sheet's version.</summary>
public sealed class SheetService(KaopingDbContext db, RubricLibrary rubrics, TimeProvider clock)
{
    public static string ETagOf(int version) => "\"v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    public static int? VersionOf(string? etag)
    {
        var value = etag?.Trim();
        if (value is null || !value.StartsWith("\"v", StringComparison.Ordinal) || !value.EndsWith('"'))
            return null;
        return int.TryParse(value[2..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>The sheet, or null when it does not exist or the caller may not see it (the two look the same).</summary>
    public async Task<SheetView?> GetAsync(int id, Caller caller, CancellationToken cancel = default)
    {
        var sheet = await Load(id, tracking: false, cancel);
        return sheet is null || !SheetAccess.CanView(caller, sheet.Facts) ? null : await View(sheet, caller, cancel);
    }

    public async Task<SheetUpdate> UpdateItemAsync(int id, string itemKey, IReadOnlyList<Finding> findings, string? remark, int expectedVersion,
        Caller caller, string userName, CancellationToken cancel = default)
    {
        // A page's context lives as long as its circuit: start from what the database holds now.
        db.ChangeTracker.Clear();
        var sheet = await Load(id, tracking: true, cancel);
        if (sheet is null || !SheetAccess.CanView(caller, sheet.Facts))
            return new SheetUpdate.NotFound();
        if (caller.Role != Role.Assessor || !caller.TeamIds.Contains(sheet.TeamId ?? -1))
            return new SheetUpdate.Forbidden(LocalizedText.Format("只有负责这个被考评单位的考评组成员可以修改考评表。", "Only members of the team assessing this target may change its sheet."));
        if (!SheetAccess.CanEditFindings(caller, sheet.Facts))
            return new SheetUpdate.Conflict(LocalizedText.Format("考评表当前状态为“{0}”，不能修改扣分。", "The sheet is “{1}”; its findings cannot be changed now.", sheet.State.Chinese(), sheet.State.English()));
        var rubric = await rubrics.ModelAsync(sheet.Campaign!.RubricId, cancel);
        if (!ItemKey.TryParse(itemKey, out var key) || rubric.Find(key) is null)
            return new SheetUpdate.Invalid(new Dictionary<string, LocalizedText>
            {
                ["item"] = LocalizedText.Format("没有考评项目“{0}”。", "there is no item “{0}”.", itemKey),
            });
        var problems = new Dictionary<string, LocalizedText>();
        foreach (var (index, problem) in FindingsValidator.Validate(rubric, findings))
            problems["findings[" + index + "]"] = problem;
        if (remark is { Length: > 2000 })
            problems["remark"] = LocalizedText.Format("说明不能超过2000字。", "the remark cannot be longer than 2000 characters.");
        if (problems.Count > 0)
            return new SheetUpdate.Invalid(problems);
        if (sheet.Version != expectedVersion)
            return new SheetUpdate.Stale(await View(sheet, caller, cancel));

        sheet.ReplaceItem(key, findings, remark, userName, clock.GetUtcNow());
        return await SaveAsync(sheet, caller, cancel);
    }

    /// <summary>Takes a workflow action on the sheet, as <see cref="SheetWorkflow"/> allows; refusals change nothing.</summary>
    public async Task<SheetUpdate> MoveAsync(int id, SheetAction action, string? comment, Caller caller, string userName, CancellationToken cancel = default)
    {
        db.ChangeTracker.Clear();
        var sheet = await Load(id, tracking: true, cancel);
        if (sheet is null || !SheetAccess.CanView(caller, sheet.Facts))
            return new SheetUpdate.NotFound();
        switch (SheetWorkflow.Apply(caller, sheet.Facts, action, comment))
        {
            case TransitionResult.Refused { Reason: TransitionRefusal.NotYours } refused:
                return new SheetUpdate.Forbidden(refused.Message);
            case TransitionResult.Refused { Reason: TransitionRefusal.WrongState } refused:
                return new SheetUpdate.Conflict(refused.Message);
            case TransitionResult.Refused refused:
                return new SheetUpdate.Invalid(new Dictionary<string, LocalizedText> { ["comment"] = refused.Message });
            case TransitionResult.Done done:
                sheet.Move(action, done.To, comment, userName, clock.GetUtcNow());
                return await SaveAsync(sheet, caller, cancel);
            default:
                throw new InvalidOperationException("Unknown transition result.");
        }
    }

    // The sheet's version is a concurrency token: whoever saved in between wins, and this caller sees their sheet.
    private async Task<SheetUpdate> SaveAsync(Sheet sheet, Caller caller, CancellationToken cancel)
    {
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await Load(sheet.Id, tracking: false, cancel);
            return current is null ? new SheetUpdate.NotFound() : new SheetUpdate.Stale(await View(current, caller, cancel));
        }
        return new SheetUpdate.Saved(await View(sheet, caller, cancel));
    }

    private async Task<SheetView> View(Sheet sheet, Caller caller, CancellationToken cancel)
    {
        var rubric = await rubrics.ModelAsync(sheet.Campaign!.RubricId, cancel);
        var score = Scorer.Score(rubric, sheet.Target!.Name, sheet.ToFindings());
        return new SheetView(sheet, sheet.Campaign, rubric, score, SheetAccess.CanEditFindings(caller, sheet.Facts), SheetWorkflow.Actions(caller, sheet.Facts));
    }

    private Task<Sheet?> Load(int id, bool tracking, CancellationToken cancel)
    {
        IQueryable<Sheet> query = db.Sheets
            .Include(s => s.Campaign)
            .Include(s => s.Target)
            .Include(s => s.Team)
            .Include(s => s.Findings)
            .Include(s => s.Remarks)
            .AsSingleQuery();
        if (!tracking)
            query = query.AsNoTracking();
        return query.FirstOrDefaultAsync(s => s.Id == id, cancel);
    }
}
