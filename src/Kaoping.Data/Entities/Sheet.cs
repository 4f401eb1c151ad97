using Kaoping.Campaigns;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Data.Entities;

/// <summary>考评表: one target's copy of the campaign's rubric, with its findings. <see cref="Version"/> is its ETag.</summary>
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

    public int Version { get; private set; } = 1;

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>When the target handed in its self-assessment; null when there is none to compare (not yet, returned, or skipped).</summary>
    public DateTimeOffset? SelfAssessedAt { get; private set; }

    public List<SheetFinding> Findings { get; set; } = [];

    public List<SheetRemark> Remarks { get; set; } = [];

    public List<SheetTransition> Transitions { get; set; } = [];

    public List<SheetEvidence> Evidence { get; set; } = [];

    public List<SheetAppeal> Appeals { get; set; } = [];

    /// <summary>Append-only: entries are added with each change and never edited or removed (the context refuses it).</summary>
    public List<SheetAuditEntry> Audit { get; set; } = [];

    public SheetFacts Facts => new(TargetId, TeamId, State);

    /// <summary>The team's findings, the score that counts.</summary>
    public IReadOnlyList<Finding> ToFindings() => ToFindings(FindingSide.Team);

    public IReadOnlyList<Finding> ToFindings(FindingSide side) =>
        [.. Findings.Where(f => f.Side == side).OrderBy(f => f.Position).Select(f => f.ToFinding())];

    public string? RemarkOf(FindingSide side, ItemKey item) =>
        Remarks.FirstOrDefault(r => r.Side == side && r.ItemKey == item.ToString())?.Text;

    /// <summary>Replaces one side's findings and remark of one item; the caller has checked them against the rubric and wrote the audit entry.</summary>
    public void ReplaceItem(FindingSide side, ItemKey item, IReadOnlyList<Finding> findings, string? remark, string userName, DateTimeOffset now)
    {
        var key = item.ToString();
        Findings.RemoveAll(f => f.Side == side && f.ItemKey == key);
        var position = Findings.Count == 0 ? 0 : Findings.Max(f => f.Position) + 1;
        foreach (var finding in findings)
        {
            var stored = SheetFinding.From(finding, position++);
            stored.Side = side;
            Findings.Add(stored);
        }
        Remarks.RemoveAll(r => r.Side == side && r.ItemKey == key);
        if (!string.IsNullOrWhiteSpace(remark))
            Remarks.Add(new SheetRemark { Side = side, ItemKey = key, Text = remark.Trim() });
        Touch(userName, now);
    }

    /// <summary>Moves the sheet along its workflow; <see cref="SheetWorkflow"/> has decided that it may.</summary>
    public void Move(SheetAction action, SheetState to, string? comment, string userName, DateTimeOffset now)
    {
        var from = State;
        Transitions.Add(new SheetTransition { Action = action, From = from, To = to, Comment = comment?.Trim(), By = userName, At = now });
        State = to;
        if (action == SheetAction.SubmitSelfAssessment)
            SelfAssessedAt = now;
        else if (action == SheetAction.ReturnSelfAssessment)
            SelfAssessedAt = null;
        Record(AuditKind.Transition, null, from.Chinese(), to.Chinese(), SheetWorkflow.Chinese(action) + (string.IsNullOrWhiteSpace(comment) ? "" : "：" + comment.Trim()), userName, now);
        Touch(userName, now);
    }

    public void Record(AuditKind kind, ItemKey? item, string? before, string? after, string? why, string userName, DateTimeOffset now) =>
        Audit.Add(new SheetAuditEntry
        {
            Kind = kind, ItemKey = item?.ToString(), Before = Clip(before), After = Clip(after), Why = Clip(why), By = userName, At = now,
        });

    private static string? Clip(string? text) => text is { Length: > 4000 } ? text[..4000] : text;

    public void Touch(string userName, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        UpdatedBy = userName;
    }
}

/// <summary>One finding on a sheet: a clause that fired (with its count), or a manual deduction with its reason.</summary>
public sealed class SheetFinding
{
    public long Id { get; set; }

    public SheetFinding Copy() => (SheetFinding)MemberwiseClone();

    public int SheetId { get; set; }

    public FindingSide Side { get; set; }

    public required string ItemKey { get; set; }

    public int Position { get; set; }

    public int? Clause { get; set; }

    public int Count { get; set; }

    public decimal? Deduction { get; set; }

    public string? Reason { get; set; }

    public Finding ToFinding()
    {
        Rubrics.ItemKey.TryParse(ItemKey, out var key);
        return Clause is { } clause
            ? new ClauseFinding(key, clause, Count)
            : new ManualDeduction(key, Deduction ?? 0, Reason ?? "");
    }

    public static SheetFinding From(Finding finding, int position) => finding switch
    {
        ClauseFinding c => new SheetFinding { ItemKey = c.Item.ToString(), Position = position, Clause = c.Clause, Count = c.Count },
        ManualDeduction m => new SheetFinding { ItemKey = m.Item.ToString(), Position = position, Count = 1, Deduction = m.Deduction, Reason = m.Reason },
        _ => throw new ArgumentException("Unknown finding " + finding.GetType().Name, nameof(finding)),
    };
}

/// <summary>One step of a sheet's workflow: who moved it, from which state to which, and why.</summary>
public sealed class SheetTransition
{
    public long Id { get; set; }

    public SheetTransition Copy() => (SheetTransition)MemberwiseClone();

    public int SheetId { get; set; }

    public SheetAction Action { get; set; }

    public SheetState From { get; set; }

    public SheetState To { get; set; }

    public string? Comment { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>The assessor's own words on an item, shown with the generated 扣分及原因.</summary>
public sealed class SheetRemark
{
    public long Id { get; set; }

    public SheetRemark Copy() => (SheetRemark)MemberwiseClone();

    public int SheetId { get; set; }

    public FindingSide Side { get; set; }

    public required string ItemKey { get; set; }

    public required string Text { get; set; }
}

/// <summary>
/// 佐证材料: a file attached to an item, kept under the data directory by its SHA-256. Removing it hides it from the sheet;
/// the file and the audit entry stay.
/// </summary>
public sealed class SheetEvidence
{
    public long Id { get; set; }

    public SheetEvidence Copy() => (SheetEvidence)MemberwiseClone();

    public int SheetId { get; set; }

    public required string ItemKey { get; set; }

    /// <summary>Whose evidence: the target's (self-assessment, appeal) or the team's.</summary>
    public FindingSide Side { get; set; }

    public required string FileName { get; set; }

    public EvidenceKind Kind { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? RemovedBy { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>申诉: the target contests the deductions of one item after publication; the office upholds or amends.</summary>
public sealed class SheetAppeal
{
    public long Id { get; set; }

    public SheetAppeal Copy() => (SheetAppeal)MemberwiseClone();

    public int SheetId { get; set; }

    public required string ItemKey { get; set; }

    public required string Reason { get; set; }

    public required string FiledBy { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    public AppealStatus Status { get; set; }

    public string? Decision { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The item's score when the appeal was filed, and after the decision.</summary>
    public decimal ScoreBefore { get; set; }

    public decimal? ScoreAfter { get; set; }
}

/// <summary>One entry of a sheet's audit trail: who changed what, when, from what to what, and why.</summary>
public sealed class SheetAuditEntry
{
    public long Id { get; set; }

    public int SheetId { get; set; }

    public AuditKind Kind { get; set; }

    public string? ItemKey { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? Why { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}
