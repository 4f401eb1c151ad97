using Kaoping.Campaigns;
using Kaoping.Data.Audit;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Data.Entities;

/// <summary>
/// 考评表: one target's copy of the campaign's rubric, with its findings. <see cref="Version"/> is its ETag; it rises by one
/// with every save that changes the sheet or any of its rows (<see cref="Sheets.SheetVersions"/>), never by hand.
/// </summary>
public sealed class Sheet
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public int TargetId { get; set; }

    public Target? Target { get; set; }

    public int? TeamId { get; set; }

    public Team? Team { get; set; }

    public SheetState State { get; set; }

    public int Version { get; internal set; } = 1;

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>When the target handed in its self-assessment; null when there is none to compare (not yet, returned, or skipped).</summary>
    public DateTimeOffset? SelfAssessedAt { get; private set; }

    /// <summary>The hash of the audit trail's last entry, written with it in the same statement as the raised version (docs/decisions/0007).</summary>
    public string? AuditHead { get; private set; }

    /// <summary>延期: the office gave this sheet until this day for the stage it waited in then (<see cref="ExtendedIn"/>).</summary>
    public DateOnly? ExtendedDue { get; private set; }

    public SheetState? ExtendedIn { get; private set; }

    public List<SheetFinding> Findings { get; set; } = [];

    public List<SheetRemark> Remarks { get; set; } = [];

    public List<SheetTransition> Transitions { get; set; } = [];

    public List<SheetEvidence> Evidence { get; set; } = [];

    public List<SheetAppeal> Appeals { get; set; } = [];

    /// <summary>The items the team marked 不涉及, with the reason: one row an item.</summary>
    public List<SheetNotApplicable> NotApplicable { get; set; } = [];

    /// <summary>Append-only: entries are added with each change and never edited or removed (the context refuses it).</summary>
    public List<SheetAuditEntry> Audit { get; set; } = [];

    public SheetFacts Facts => new(TargetId, TeamId, State);

    /// <summary>The campaign's deadlines as they hold for this sheet: with its extension while it waits in the stage it was given for.</summary>
    public CampaignDeadlines DeadlinesIn(Campaign campaign)
    {
        var deadlines = campaign.Deadlines;
        if (ExtendedDue is not { } until || ExtendedIn is not { } stage || !SameStage(stage, State))
            return deadlines;
        return deadlines.Extended(stage, until) ?? deadlines;
    }

    private static bool SameStage(SheetState a, SheetState b) =>
        a == b || (a != SheetState.Published && b != SheetState.Published
            && CampaignDeadlines.StageOf(a) is { } stage && stage == CampaignDeadlines.StageOf(b));

    /// <summary>Gives the sheet until <paramref name="until"/> for its present stage (the caller checked that it may), audited with the reason.</summary>
    public void Extend(DateOnly? before, DateOnly until, string reason, string userName, DateTimeOffset now)
    {
        ExtendedDue = until;
        ExtendedIn = State;
        Record(AuditKind.DeadlineExtended, null, before?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reason.Trim(), userName, now);
        Stamp(userName, now);
    }

    /// <summary>The sheet's own columns as they are now, without its rows: what a change is compared with.</summary>
    internal Sheet CopyHeader()
    {
        var copy = (Sheet)MemberwiseClone();
        copy.Findings = [];
        copy.Remarks = [];
        copy.Transitions = [];
        copy.Evidence = [];
        copy.Appeals = [];
        copy.NotApplicable = [];
        copy.Audit = [];
        return copy;
    }

    /// <summary>The team's findings, the score that counts.</summary>
    public IReadOnlyList<Finding> ToFindings() => ToFindings(FindingSide.Team);

    public IReadOnlyList<Finding> ToFindings(FindingSide side) =>
        [.. Findings.Where(f => f.Side == side).OrderBy(f => f.Position).Select(f => f.ToFinding())];

    /// <summary>One side's stored deductions of one item, in their order.</summary>
    public IEnumerable<SheetFinding> DeductionsOf(FindingSide side, ItemKey item) =>
        Findings.Where(f => f.Side == side && f.ItemKey == item).OrderBy(f => f.Position);

    /// <summary>Why the item is 不涉及 for the target; null when it applies.</summary>
    public string? NotApplicableReason(ItemKey item) => NotApplicable.FirstOrDefault(n => n.ItemKey == item)?.Reason;

    public IReadOnlyList<ItemKey> NotApplicableItems() =>
        [.. NotApplicable.Select(n => n.ItemKey).OrderBy(k => k.Category).ThenBy(k => k.Subcategory).ThenBy(k => k.Item)];

    /// <summary>Marks the item not applicable, or changes the reason; the caller checked that it may and writes the audit entry.</summary>
    public void MarkNotApplicable(ItemKey item, string reason, string userName, DateTimeOffset now)
    {
        if (NotApplicable.FirstOrDefault(n => n.ItemKey == item) is { } mark)
            mark.Reason = reason.Trim();
        else
            NotApplicable.Add(new SheetNotApplicable { ItemKey = item, Reason = reason.Trim(), MarkedBy = userName, MarkedAt = now });
        Stamp(userName, now);
    }

    /// <summary>Takes the 不涉及 mark back; false when the item had none.</summary>
    public bool ClearNotApplicable(ItemKey item, string userName, DateTimeOffset now)
    {
        if (NotApplicable.RemoveAll(n => n.ItemKey == item) == 0)
            return false;
        Stamp(userName, now);
        return true;
    }

    public string? RemarkOf(FindingSide side, ItemKey item) => Remarks.FirstOrDefault(r => r.Side == side && r.ItemKey == item)?.Text;

    /// <summary>
    /// Replaces one side's findings and remark of one item; the caller has checked them against the rubric and wrote the
    /// audit entry. A deduction that stays keeps its row and id (<see cref="SheetFinding.SameDeduction"/>); only those
    /// that go are removed and only new ones added.
    /// </summary>
    public void ReplaceItem(FindingSide side, ItemKey item, IReadOnlyList<Finding> findings, string? remark, string userName, DateTimeOffset now)
    {
        var old = DeductionsOf(side, item).ToList();
        var next = Findings.Count == 0 ? 0 : Findings.Max(f => f.Position) + 1;
        var kept = new List<SheetFinding>();
        foreach (var finding in findings)
        {
            var same = old.FirstOrDefault(f => f.SameDeduction(finding));
            if (same is null)
            {
                same = SheetFinding.From(finding, side);
                same.Position = next++;
                Findings.Add(same);
            }
            else
            {
                old.Remove(same);
                same.Update(finding);
            }
            kept.Add(same);
        }
        foreach (var gone in old)
            Findings.Remove(gone);
        // Positions follow the new order; rows whose order did not change keep theirs.
        if (!kept.Zip(kept.Skip(1)).All(pair => pair.First.Position < pair.Second.Position))
        {
            foreach (var row in kept)
                row.Position = next++;
        }
        var note = Remarks.FirstOrDefault(r => r.Side == side && r.ItemKey == item);
        if (string.IsNullOrWhiteSpace(remark))
        {
            if (note is not null)
                Remarks.Remove(note);
        }
        else if (note is null)
            Remarks.Add(new SheetRemark { Side = side, ItemKey = item, Text = remark.Trim() });
        else
            note.Text = remark.Trim();
        Stamp(userName, now);
    }

    /// <summary>Moves the sheet along its workflow; <see cref="SheetWorkflow"/> has decided that it may.</summary>
    public void Move(SheetAction action, SheetState to, string? comment, string userName, DateTimeOffset now)
    {
        var from = State;
        var why = comment?.Trim();
        Transitions.Add(new SheetTransition { Action = action, From = from, To = to, Comment = why, By = userName, At = now });
        State = to;
        if (action == SheetAction.SubmitSelfAssessment)
            SelfAssessedAt = now;
        else if (action == SheetAction.ReturnSelfAssessment)
            SelfAssessedAt = null;
        var what = SheetWorkflow.Chinese(action) + (string.IsNullOrWhiteSpace(why) ? "" : "：" + why);
        Record(AuditKind.Transition, null, from.Chinese(), to.Chinese(), what, userName, now);
        Stamp(userName, now);
    }

    public void Record(AuditKind kind, ItemKey? item, string? before, string? after, string? why, string userName, DateTimeOffset now,
        long? deduction = null)
    {
        var entry = new SheetAuditEntry
        {
            Kind = kind, ItemKey = item, FindingId = deduction, Before = Clip(before), After = Clip(after), Why = Clip(why), By = userName,
            At = AuditHash.Stored(now),
        };
        entry.Hash = AuditLinks.Of(entry, AuditHead);
        AuditHead = entry.Hash;
        Audit.Add(entry);
    }

    private static string? Clip(string? text) => text is { Length: > 4000 } ? text[..4000] : text;

    /// <summary>Who changed the sheet last, and when. The version is raised by the save, not here.</summary>
    public void Stamp(string userName, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = userName;
    }
}
