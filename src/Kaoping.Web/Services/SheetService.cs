using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>What the reader of a sheet may do with it now, decided by the core's rules from who they are, the state and the day.</summary>
public sealed record SheetRights(
    FindingSide? Editable, bool SeesTeam, FindingSide? EvidenceSide, bool CanAppeal, bool CanDecideAppeals, bool IsFinal, int DaysLate, DateOnly? Due)
{
    public static SheetRights For(Caller caller, SheetFacts sheet, CampaignDeadlines deadlines, DateOnly today)
    {
        var editable = SheetAccess.EditableSide(caller, sheet);
        var appealOpen = deadlines.AppealOpen(sheet.State, today) && SheetAccess.IsReporterOf(caller, sheet);
        return new SheetRights(
            editable,
            SheetAccess.CanSeeTeamFindings(caller, sheet),
            editable ?? (appealOpen ? FindingSide.Self : null),
            appealOpen,
            caller.Role == Role.Admin && sheet.State == SheetState.Published,
            deadlines.IsFinal(sheet.State, today),
            deadlines.DaysLate(sheet.State, today),
            deadlines.DueFor(sheet.State));
    }
}

/// <summary>A sheet as its reader sees it: the rubric, both sides' findings and scores, and what the reader may do.</summary>
public sealed record SheetView(Sheet Sheet, Campaign Campaign, Rubric Rubric, SheetScore Score, SheetScore SelfScore, SheetRights Rights, IReadOnlyList<SheetAction> Actions)
{
    public string ETag => SheetService.ETagOf(Sheet.Version);

    public string TargetName => Sheet.Target?.Name ?? "";

    public bool CanEdit => Rights.Editable is not null;

    public bool HasSelfAssessment => Sheet.SelfAssessedAt is not null || Sheet.State == SheetState.SelfAssessing;

    public string? Remark(ItemKey key) => Remark(FindingSide.Team, key);

    public string? Remark(FindingSide side, ItemKey key) => side == FindingSide.Team && !Rights.SeesTeam ? null : Sheet.RemarkOf(side, key);

    public IEnumerable<Finding> FindingsOf(ItemKey key) => FindingsOf(FindingSide.Team, key);

    public IEnumerable<Finding> FindingsOf(FindingSide side, ItemKey key) =>
        side == FindingSide.Team && !Rights.SeesTeam ? [] : Sheet.ToFindings(side).Where(f => f.Item == key);

    public SheetScore ScoreOf(FindingSide side) => side == FindingSide.Team ? Score : SelfScore;

    /// <summary>The items whose self-assessed score differs from the team's, once both exist and the reader sees both.</summary>
    public IReadOnlyList<ItemKey> Differences => Rights.SeesTeam && Sheet.SelfAssessedAt is not null ? SheetService.Differences(Score, SelfScore) : [];

    public IEnumerable<SheetEvidence> EvidenceOf(ItemKey key) =>
        Sheet.Evidence.Where(e => e.ItemKey == key.ToString() && e.RemovedAt is null && (Rights.SeesTeam || e.Side == FindingSide.Self)).OrderBy(e => e.Id);

    /// <summary>The comment of the return that brought the sheet to where it is, if the last step was a return.</summary>
    public SheetTransition? LastReturn => Sheet.Transitions.OrderBy(t => t.Id).LastOrDefault() is { } last && SheetWorkflow.NeedsComment(last.Action) ? last : null;

    public IEnumerable<SheetAppeal> AppealsOf(ItemKey key) => Sheet.Appeals.Where(a => a.ItemKey == key.ToString()).OrderBy(a => a.Id);
}

public abstract record SheetUpdate
{
    public sealed record Saved(SheetView View) : SheetUpdate;

    public sealed record NotFound : SheetUpdate;

    public sealed record Forbidden(LocalizedText Reason) : SheetUpdate;

    /// <summary>Allowed for the caller, but not in the sheet's present state.</summary>
    public sealed record Conflict(LocalizedText Reason) : SheetUpdate;

    public sealed record Invalid(IReadOnlyDictionary<string, LocalizedText> Problems) : SheetUpdate;

    /// <summary>Someone else saved first: the current sheet, to show the user, and who changed it.</summary>
    public sealed record Stale(SheetView Current) : SheetUpdate;

    /// <summary>The upload is larger than allowed (413).</summary>
    public sealed record TooLarge(LocalizedText Reason) : SheetUpdate;
}

/// <summary>What a change of findings was made on: the sheet's version (the API's If-Match), or the item as the page showed it.</summary>
public abstract record Expectation
{
    public sealed record Version(int Value) : Expectation;

    /// <summary>Co-editors change different items of one sheet: only a change to this item in between is a conflict.</summary>
    public sealed record Item(IReadOnlyList<Finding> Findings, string? Remark) : Expectation;
}

/// <summary>
/// Reads and changes sheets with the rules of <see cref="SheetAccess"/> and <see cref="SheetWorkflow"/>, optimistic
/// concurrency on the sheet's version, an audit entry for every change, and a <see cref="SheetEvents"/> note after it.
/// </summary>
public sealed class SheetService(KaopingDbContext db, SheetQueries queries, RubricLibrary rubrics, TimeProvider clock, OfficeCalendar calendar, SheetEvents events)
{
    public static string ETagOf(int version) => "\"v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    public static int? VersionOf(string? etag)
    {
        var value = etag?.Trim();
        if (value is null || !value.StartsWith("\"v", StringComparison.Ordinal) || !value.EndsWith('"'))
            return null;
        return int.TryParse(value[2..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The sheet, or null when it does not exist or the caller may not see it (the two look the same).</summary>
    public async Task<SheetView?> GetAsync(int id, Caller caller, CancellationToken cancel = default)
    {
        await using var connection = await db.Database.KeepOpenAsync(cancel);
        return await LoadVisibleAsync(id, caller, cancel) is { } sheet ? await ViewAsync(sheet, caller, cancel) : null;
    }

    /// <summary>The audit trail, oldest first, for those who see the sheet. A reporter sees the team's findings only once they are published.</summary>
    public async Task<IReadOnlyList<SheetAuditEntry>?> AuditAsync(int id, Caller caller, CancellationToken cancel = default)
    {
        if (await GetAsync(id, caller, cancel) is not { } view)
            return null;
        var entries = await db.SheetAudit.AsNoTracking().Where(e => e.SheetId == id).OrderBy(e => e.Id).ToListAsync(cancel);
        if (view.Rights.SeesTeam)
            return entries;
        var teamFiles = view.Sheet.Evidence.Where(e => e.Side == FindingSide.Team).Select(EvidenceService.Describe).ToHashSet();
        return [.. entries.Where(e => e.Kind != AuditKind.Findings && !teamFiles.Contains(e.After ?? e.Before ?? ""))];
    }

    public async Task<SheetUpdate> UpdateItemAsync(int id, string itemKey, IReadOnlyList<Finding> findings, string? remark, Expectation expected,
        Caller caller, string userName, CancellationToken cancel = default)
    {
        await using var connection = await db.Database.KeepOpenAsync(cancel);
        // A co-editor saving another item at the same moment is not a conflict for a page's change: try again on the new version.
        for (var attempt = 1; ; attempt++)
        {
            var result = await UpdateItemOnceAsync(id, itemKey, findings, remark, expected, caller, userName, cancel);
            if (result is not SheetUpdate.Stale || expected is not Expectation.Item || attempt == 3)
                return result;
        }
    }

    private async Task<SheetUpdate> UpdateItemOnceAsync(int id, string itemKey, IReadOnlyList<Finding> findings, string? remark, Expectation expected,
        Caller caller, string userName, CancellationToken cancel)
    {
        if (await LoadVisibleAsync(id, caller, cancel) is not { } sheet)
            return new SheetUpdate.NotFound();
        if (SheetAccess.EditableSide(caller, sheet.Facts) is not { } side)
        {
            return Refusal(sheet, caller,
                LocalizedText.Format("考评表当前状态为“{0}”，不能修改扣分。", "The sheet is “{1}”; its findings cannot be changed now.", sheet.State.Chinese(), sheet.State.English()),
                new("只有负责这个被考评单位的考评组成员（考评）或其填报员（自评）可以修改考评表。",
                    "Only the team assessing this target (or its reporter, for the self-assessment) may change its sheet."));
        }
        var rubric = await rubrics.ModelAsync(sheet.Campaign!.RubricId, cancel);
        if (Validate(rubric, itemKey, findings, remark) is { } invalid)
            return invalid;
        ItemKey.TryParse(itemKey, out var key);
        if (IsStale(sheet, side, key, expected))
            return new SheetUpdate.Stale(await ViewAsync(sheet, caller, cancel));

        var loadedVersion = sheet.Version;
        ChangeItem(rubric, sheet, side, key, findings, remark, side == FindingSide.Team ? AuditKind.Findings : AuditKind.SelfAssessment, null, userName, Now);
        if (!await db.SaveItemAsync(sheet, loadedVersion, side, key.ToString(), cancel))
            return await StaleAsync(id, caller, cancel);
        // Saved only if no one else had changed the sheet since it was loaded: its collections are now the database's.
        queries.Keep(sheet);
        return await SavedAsync(sheet, caller, key, cancel);
    }

    /// <summary>Takes a workflow action on the sheet, as <see cref="SheetWorkflow"/> allows; refusals change nothing.</summary>
    public async Task<SheetUpdate> MoveAsync(int id, SheetAction action, string? comment, Caller caller, string userName, CancellationToken cancel = default)
    {
        var (sheet, refusal) = await LoadForChangeAsync(id, caller, cancel);
        if (refusal is not null)
            return refusal;
        if (comment is { Length: > 2000 })
            return new SheetUpdate.Invalid(new Dictionary<string, LocalizedText> { ["comment"] = new("意见不能超过2000字。", "the comment cannot be longer than 2000 characters.") });
        switch (SheetWorkflow.Apply(caller, sheet!.Facts, action, comment))
        {
            case TransitionResult.Refused { Reason: TransitionRefusal.NotYours } refused:
                return new SheetUpdate.Forbidden(refused.Message);
            case TransitionResult.Refused { Reason: TransitionRefusal.WrongState } refused:
                return new SheetUpdate.Conflict(refused.Message);
            case TransitionResult.Refused refused:
                return new SheetUpdate.Invalid(new Dictionary<string, LocalizedText> { ["comment"] = refused.Message });
            case TransitionResult.Done done:
                sheet.Move(action, done.To, comment, userName, Now);
                return await SaveAsync(sheet, caller, null, cancel);
            default:
                throw new InvalidOperationException("Unknown transition result.");
        }
    }

    /// <summary>The sheet, tracked, for a change; or the refusal when it does not exist or the caller may not see it.</summary>
    internal async Task<(Sheet? Sheet, SheetUpdate? Refusal)> LoadForChangeAsync(int id, Caller caller, CancellationToken cancel)
    {
        // A page's context lives as long as its circuit: start from what the database holds now.
        db.ChangeTracker.Clear();
        if (await LoadVisibleAsync(id, caller, cancel, fresh: true) is not { } sheet)
            return (null, new SheetUpdate.NotFound());
        db.Attach(sheet);
        return (sheet, null);
    }

    /// <summary>The sheet, untracked; null when it does not exist or the caller may not see it (the two look the same).</summary>
    private async Task<Sheet?> LoadVisibleAsync(int id, Caller caller, CancellationToken cancel, bool fresh = false) =>
        await queries.LoadAsync(db, id, cancel, fresh) is { } sheet && SheetAccess.CanView(caller, sheet.Facts) ? sheet : null;

    /// <summary>A change the caller may not make now: 409 when the sheet has a side of theirs (only not in this state), 403 otherwise.</summary>
    internal static SheetUpdate Refusal(Sheet sheet, Caller caller, LocalizedText notNow, LocalizedText notYours) =>
        SheetAccess.IsOwnSide(caller, sheet.Facts, FindingSide.Team) || SheetAccess.IsOwnSide(caller, sheet.Facts, FindingSide.Self)
            ? new SheetUpdate.Conflict(notNow)
            : new SheetUpdate.Forbidden(notYours);

    internal async Task<SheetUpdate?> CheckFindingsAsync(Sheet sheet, string itemKey, IReadOnlyList<Finding> findings, string? remark, CancellationToken cancel) =>
        Validate(await rubrics.ModelAsync(sheet.Campaign!.RubricId, cancel), itemKey, findings, remark);

    private static SheetUpdate.Invalid? Validate(Rubric rubric, string itemKey, IReadOnlyList<Finding> findings, string? remark)
    {
        if (!ItemKey.TryParse(itemKey, out var key) || rubric.Find(key) is null)
            return new SheetUpdate.Invalid(new Dictionary<string, LocalizedText> { ["item"] = LocalizedText.Format("没有考评项目“{0}”。", "there is no item “{0}”.", itemKey) });
        var problems = new Dictionary<string, LocalizedText>();
        foreach (var (index, problem) in FindingsValidator.Validate(rubric, findings))
            problems["findings[" + index + "]"] = problem;
        if (findings.Any(f => f.Item != key))
            problems["findings"] = LocalizedText.Format("扣分必须属于项目{0}。", "the findings must belong to item {0}.", itemKey);
        if (remark is { Length: > 2000 })
            problems["remark"] = new("说明不能超过2000字。", "the remark cannot be longer than 2000 characters.");
        return problems.Count > 0 ? new SheetUpdate.Invalid(problems) : null;
    }

    private static bool IsStale(Sheet sheet, FindingSide side, ItemKey key, Expectation expected) => expected switch
    {
        Expectation.Version version => sheet.Version != version.Value,
        Expectation.Item item => !sheet.ToFindings(side).Where(f => f.Item == key).SequenceEqual(item.Findings)
            || (sheet.RemarkOf(side, key) ?? "") != (item.Remark?.Trim() ?? ""),
        _ => throw new ArgumentOutOfRangeException(nameof(expected)),
    };

    /// <summary>
    /// The one way an item's findings change: replaced (or, with null findings, left as they are) and recorded in the
    /// audit trail with the item before and after, and why.
    /// </summary>
    internal static void ChangeItem(Rubric rubric, Sheet sheet, FindingSide side, ItemKey key, IReadOnlyList<Finding>? findings, string? remark,
        AuditKind kind, string? why, string userName, DateTimeOffset now)
    {
        var before = Describe(rubric, sheet, side, key);
        if (findings is not null)
            sheet.ReplaceItem(side, key, findings, remark, userName, now);
        sheet.Record(kind, key, before, Describe(rubric, sheet, side, key), why, userName, now);
    }

    /// <summary>An item as the audit trail shows it: its score, its 扣分及原因 and the note.</summary>
    internal static string Describe(Rubric rubric, Sheet sheet, FindingSide side, ItemKey key)
    {
        var item = Scorer.ScoreItem(rubric, key, sheet.ToFindings(side));
        var text = $"得分{Points.Format(item.Score)}：{(item.Reason.Length > 0 ? item.Reason : "未扣分")}";
        return sheet.RemarkOf(side, key) is { } remark ? text + "；说明：" + remark : text;
    }

    internal static ItemScore ItemScoreOf(SheetScore score, ItemKey key) =>
        score.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items).First(i => i.Key == key);

    public static IReadOnlyList<ItemKey> Differences(SheetScore team, SheetScore self) =>
        [.. team.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items)
            .Zip(self.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items))
            .Where(pair => pair.First.Score != pair.Second.Score)
            .Select(pair => pair.First.Key)];

    /// <summary>Saves; the sheet's version is a concurrency token: whoever saved in between wins, and this caller sees their sheet.</summary>
    internal async Task<SheetUpdate> SaveAsync(Sheet sheet, Caller caller, ItemKey? item, CancellationToken cancel)
    {
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await StaleAsync(sheet.Id, caller, cancel);
        }
        return await SavedAsync(sheet, caller, item, cancel);
    }

    private async Task<SheetUpdate> SavedAsync(Sheet sheet, Caller caller, ItemKey? item, CancellationToken cancel)
    {
        events.Publish(new SheetChange(sheet.Id, sheet.Version, sheet.UpdatedBy, item?.ToString()));
        return new SheetUpdate.Saved(await ViewAsync(sheet, caller, cancel));
    }

    private async Task<SheetUpdate> StaleAsync(int id, Caller caller, CancellationToken cancel) =>
        await queries.LoadAsync(db, id, cancel) is { } current ? new SheetUpdate.Stale(await ViewAsync(current, caller, cancel)) : new SheetUpdate.NotFound();

    internal SheetRights RightsOf(Sheet sheet, Caller caller) => SheetRights.For(caller, sheet.Facts, sheet.Campaign!.Deadlines, calendar.Today);

    internal DateOnly Today => calendar.Today;

    internal Task<Rubric> RubricOfAsync(Sheet sheet, CancellationToken cancel) => rubrics.ModelAsync(sheet.Campaign!.RubricId, cancel);

    internal async Task<SheetView> ViewAsync(Sheet sheet, Caller caller, CancellationToken cancel)
    {
        var rubric = await rubrics.ModelAsync(sheet.Campaign!.RubricId, cancel);
        var name = sheet.Target!.Name;
        var rights = RightsOf(sheet, caller);
        var team = Scorer.Score(rubric, name, rights.SeesTeam ? sheet.ToFindings(FindingSide.Team) : []);
        return new SheetView(sheet, sheet.Campaign, rubric, team, Scorer.Score(rubric, name, sheet.ToFindings(FindingSide.Self)), rights,
            rights.IsFinal ? [] : SheetWorkflow.Actions(caller, sheet.Facts));
    }
}
