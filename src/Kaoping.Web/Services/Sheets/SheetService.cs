using System.Globalization;
using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Data.Sheets;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Web.Services;

/// <summary>
/// Reads and changes sheets with the rules of <see cref="SheetAccess"/> and <see cref="SheetWorkflow"/>, optimistic
/// concurrency on the sheet's version, an audit entry for every change, and a <see cref="SheetEvents"/> note after it.
/// The sheet's persistence is <see cref="SheetStore"/>'s.
/// </summary>
public sealed class SheetService(SheetStore store, RubricLibrary rubrics, TimeProvider clock, OfficeCalendar calendar, SheetEvents events,
    Notifier notifier, Telemetry.KaopingMetrics metrics)
{
    /// <summary>The longest note on an item (the column's length).</summary>
    public const int MaxRemark = 2000;

    public DateTimeOffset Now => clock.GetUtcNow();

    internal DateOnly Today => calendar.Today;

    /// <summary>The sheet, or null when it does not exist or the caller may not see it (the two look the same).</summary>
    public async Task<SheetView?> GetAsync(int id, Caller caller, CancellationToken cancel = default) =>
        await store.ReadAsync(id, cancel) is { } sheet && SheetAccess.CanView(caller, sheet.Facts) ? await ViewAsync(sheet, caller, cancel) : null;

    /// <summary>The audit trail, oldest first, for those who see the sheet. A reporter sees the team's findings only once they are published.</summary>
    public async Task<IReadOnlyList<SheetAuditEntry>?> AuditAsync(int id, Caller caller, CancellationToken cancel = default)
    {
        // The security auditor reads every sheet's audit trail, and nothing else of the sheet.
        if (caller.Role == Role.Auditor)
            return await store.ReadAsync(id, cancel) is null ? null : await store.AuditAsync(id, cancel);
        if (await GetAsync(id, caller, cancel) is not { } view)
            return null;
        var entries = await store.AuditAsync(id, cancel);
        if (view.Rights.SeesTeam)
            return entries;
        var teamFiles = view.Sheet.Evidence.Where(e => e.Side == FindingSide.Team).Select(EvidenceService.Describe).ToHashSet();
        return [.. entries.Where(e => e.Kind is not (AuditKind.Findings or AuditKind.NotApplicable) && !teamFiles.Contains(e.After ?? e.Before ?? ""))];
    }

    /// <summary>
    /// Replaces one item's findings and remark: the team's while assessing, the target's while self-assessing. A page's
    /// change (<see cref="Expectation.Item"/>) made while a co-editor saved another item is tried again on the new version.
    /// </summary>
    public async Task<SheetUpdate> UpdateItemAsync(int id, ItemKey key, IReadOnlyList<Finding> findings, string? remark, Expectation expected,
        Caller caller, string userName, CancellationToken cancel = default)
    {
        var changed = FindingSide.Team;
        var result = await ChangeAsync(id, caller, key, expected is Expectation.Item ? 3 : 1, async sheet =>
        {
            if (SheetAccess.EditableSide(caller, sheet.Facts) is not { } side)
            {
                return Refusal(sheet, caller,
                    LocalizedText.Format("考评表当前状态为“{0}”，不能修改扣分。", "The sheet is “{1}”; its findings cannot be changed now.",
                        sheet.State.Chinese(), sheet.State.English()),
                    new("只有负责这个被考评单位的考评组成员（考评）或其填报员（自评）可以修改考评表。",
                        "Only the team assessing this target (or its reporter, for the self-assessment) may change its sheet."));
            }
            var rubric = await RubricOfAsync(sheet, cancel);
            if (Check(rubric, key, findings, remark) is { } invalid)
                return invalid;
            if (IsStale(sheet, side, key, expected))
                return new SheetUpdate.Stale(await ViewAsync(sheet, caller, cancel));
            if (side == FindingSide.Team && findings.Count > 0 && sheet.NotApplicableReason(key) is not null)
                return new SheetUpdate.Conflict(Kaoping.Schemes.SchemeResult.FindingOnNotApplicable(key));
            var kind = side == FindingSide.Team ? AuditKind.Findings : AuditKind.SelfAssessment;
            SheetItems.Change(rubric, sheet, side, key, findings, remark, kind, null, userName, Now);
            changed = side;
            return null;
        }, cancel);
        if (result is SheetUpdate.Saved)
            metrics.FindingsSaved(changed);
        return result;
    }

    /// <summary>Takes a workflow action on the sheet, as <see cref="SheetWorkflow"/> allows; refusals change nothing. Tells those it concerns.</summary>
    public async Task<SheetUpdate> MoveAsync(int id, SheetAction action, string? comment, Caller caller, string userName, CancellationToken cancel = default)
    {
        var result = await MoveUntoldAsync(id, action, comment, caller, userName, cancel);
        if (result is SheetUpdate.Saved saved)
            await notifier.SheetsMovedAsync([SheetMoved.Of(saved.View.Sheet, action, comment)], cancel);
        return result;
    }

    /// <summary>A workflow action without telling anyone: for a bulk action, which tells once for all its sheets.</summary>
    internal async Task<SheetUpdate> MoveUntoldAsync(int id, SheetAction action, string? comment, Caller caller, string userName, CancellationToken cancel)
    {
        var result = await MoveOnAsync(id, action, comment, caller, userName, cancel);
        if (result is SheetUpdate.Saved saved)
            metrics.Transition(action, saved.View.Sheet.State);
        return result;
    }

    private Task<SheetUpdate> MoveOnAsync(int id, SheetAction action, string? comment, Caller caller, string userName, CancellationToken cancel) =>
        ChangeAsync(id, caller, null, 1, sheet =>
        {
            if (comment is { Length: > 2000 })
                return Task.FromResult<SheetUpdate?>(SheetUpdate.Invalid.Of("comment",
                    new("意见不能超过2000字。", "the comment cannot be longer than 2000 characters.")));
            SheetUpdate? refusal = SheetWorkflow.Apply(caller, sheet.Facts, action, comment) switch
            {
                TransitionResult.Refused { Reason: TransitionRefusal.NotYours } refused => new SheetUpdate.Forbidden(refused.Message),
                TransitionResult.Refused { Reason: TransitionRefusal.WrongState } refused => new SheetUpdate.Conflict(refused.Message),
                TransitionResult.Refused refused => SheetUpdate.Invalid.Of("comment", refused.Message),
                TransitionResult.Done when action == SheetAction.SkipSelfAssessment && NotYetLate(sheet) is { } due =>
                    new SheetUpdate.Conflict(LocalizedText.Format("自评截止日期（{0}）还没到，不能跳过自评；可等到逾期后再跳过。",
                        "The self-assessment is due on {0}, not late yet: it cannot be skipped before.", due.ToString("yyyy-MM-dd",
                            CultureInfo.InvariantCulture))),
                TransitionResult.Done done => Moved(sheet, action, done.To, comment, userName),
                _ => throw new InvalidOperationException("Unknown transition result."),
            };
            return Task.FromResult(refusal);
        }, cancel);

    // The office moves a self-assessment on only once it is overdue (or when the campaign set it no deadline).
    private DateOnly? NotYetLate(Sheet sheet) =>
        sheet.DeadlinesIn(sheet.Campaign!).SelfAssessment is { } due && Today <= due ? due : null;

    private SheetUpdate? Moved(Sheet sheet, SheetAction action, SheetState to, string? comment, string userName)
    {
        sheet.Move(action, to, comment, userName, Now);
        return null;
    }

    /// <summary>
    /// One change of a sheet the caller sees: <paramref name="change"/> makes it on the sheet as it is now, or returns its
    /// refusal; saved only when nobody saved the sheet in between — otherwise tried again up to <paramref name="attempts"/>
    /// times, then answered with the current sheet.
    /// </summary>
    internal async Task<SheetUpdate> ChangeAsync(int id, Caller caller, ItemKey? item, int attempts, Func<Sheet, Task<SheetUpdate?>> change,
        CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            var save = await store.ChangeAsync<SheetUpdate>(id,
                async sheet => SheetAccess.CanView(caller, sheet.Facts) ? await change(sheet) : new SheetUpdate.NotFound(), cancel);
            switch (save.Outcome)
            {
                case SheetSaveOutcome.Saved:
                    events.Publish(new SheetChange(id, save.Sheet!.Version, save.Sheet.UpdatedBy, item?.ToString()));
                    return new SheetUpdate.Saved(await ViewAsync(save.Sheet, caller, cancel));
                case SheetSaveOutcome.Refused:
                    return save.Refusal!;
                case SheetSaveOutcome.NotFound:
                    return new SheetUpdate.NotFound();
                case SheetSaveOutcome.Stale when attempt < attempts:
                    continue;
                case SheetSaveOutcome.Stale:
                    return await GetAsync(id, caller, cancel) is { } current ? new SheetUpdate.Stale(current) : new SheetUpdate.NotFound();
            }
        }
    }

    /// <summary>A change the caller may not make now: 409 when the sheet has a side of theirs (only not in this state), 403 otherwise.</summary>
    internal static SheetUpdate Refusal(Sheet sheet, Caller caller, LocalizedText notNow, LocalizedText notYours) =>
        SheetAccess.IsOwnSide(caller, sheet.Facts, FindingSide.Team) || SheetAccess.IsOwnSide(caller, sheet.Facts, FindingSide.Self)
            ? new SheetUpdate.Conflict(notNow)
            : new SheetUpdate.Forbidden(notYours);

    /// <summary>Findings read from input (<see cref="FindingInput"/>) checked against the rubric: the item, its clauses, the remark.</summary>
    internal static SheetUpdate.Invalid? Check(Rubric rubric, ItemKey key, IReadOnlyList<Finding> findings, string? remark)
    {
        if (rubric.Find(key) is null)
            return SheetUpdate.Invalid.Of("item", LocalizedText.Format("没有考评项目“{0}”。", "there is no item “{0}”.", key));
        var problems = new Dictionary<string, LocalizedText>();
        foreach (var (index, problem) in FindingsValidator.Validate(rubric, findings))
            problems["findings[" + index + "]"] = problem;
        if (findings.Any(f => f.Item != key))
            problems["findings"] = LocalizedText.Format("扣分必须属于项目{0}。", "the findings must belong to item {0}.", key);
        if (remark is { Length: > MaxRemark })
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

    internal SheetRights RightsOf(Sheet sheet, Caller caller) => SheetRights.For(caller, sheet.Facts, sheet.DeadlinesIn(sheet.Campaign!), calendar.Today);

    internal Task<Rubric> RubricOfAsync(Sheet sheet, CancellationToken cancel) => rubrics.ModelAsync(sheet.Campaign!.RubricId, cancel);

    internal async Task<SheetView> ViewAsync(Sheet sheet, Caller caller, CancellationToken cancel)
    {
        var rubric = await RubricOfAsync(sheet, cancel);
        var name = sheet.Target!.Name;
        var rights = RightsOf(sheet, caller);
        var team = Scorer.Score(rubric, name, rights.SeesTeam ? sheet.ToFindings(FindingSide.Team) : []);
        return new SheetView(sheet, sheet.Campaign!, rubric, team, Scorer.Score(rubric, name, sheet.ToFindings(FindingSide.Self)), rights,
            rights.IsFinal ? [] : SheetWorkflow.Actions(caller, sheet.Facts));
    }
}
