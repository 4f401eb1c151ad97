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

    public List<SheetFinding> Findings { get; set; } = [];

    public List<SheetRemark> Remarks { get; set; } = [];

    public List<SheetTransition> Transitions { get; set; } = [];

    public SheetFacts Facts => new(TargetId, TeamId, State);

    public IReadOnlyList<Finding> ToFindings() => [.. Findings.OrderBy(f => f.Position).Select(f => f.ToFinding())];

    /// <summary>Replaces the findings and the assessor's remark of one item; the caller has checked them against the rubric.</summary>
    public void ReplaceItem(ItemKey item, IReadOnlyList<Finding> findings, string? remark, string userName, DateTimeOffset now)
    {
        var key = item.ToString();
        Findings.RemoveAll(f => f.ItemKey == key);
        var position = Findings.Count == 0 ? 0 : Findings.Max(f => f.Position) + 1;
        foreach (var finding in findings)
            Findings.Add(SheetFinding.From(finding, position++));
        Remarks.RemoveAll(r => r.ItemKey == key);
        if (!string.IsNullOrWhiteSpace(remark))
            Remarks.Add(new SheetRemark { ItemKey = key, Text = remark.Trim() });
        Touch(userName, now);
    }

    /// <summary>Moves the sheet along its workflow; <see cref="SheetWorkflow"/> has decided that it may.</summary>
    public void Move(SheetAction action, SheetState to, string? comment, string userName, DateTimeOffset now)
    {
        Transitions.Add(new SheetTransition { Action = action, From = State, To = to, Comment = comment?.Trim(), By = userName, At = now });
        State = to;
        Touch(userName, now);
    }

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

    public int SheetId { get; set; }

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

    public int SheetId { get; set; }

    public required string ItemKey { get; set; }

    public required string Text { get; set; }
}
