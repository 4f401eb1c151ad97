using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Scoring;

/// <summary>
/// One finding as a user or a file wrote it, not yet read: a clause number with its count, a clause number with the
/// amount chosen within its range and the reason (酌情扣分), or a manual deduction with its reason.
/// Numbers arrive as decimals so that 1.5 occurrences or clause 0 can be named in the refusal.
/// </summary>
public sealed record FindingInput(decimal? Clause, decimal? Count, decimal? Deduction, string? Reason);

/// <summary>Why a finding could not be read: the field and the problem, without the place.</summary>
public sealed record FindingProblem(string Field, LocalizedText Problem)
{
    /// <summary>The problem with its place: “1.1.2 第1条：次数应是0或正整数，读到的是 -2。”</summary>
    public LocalizedText At(ItemKey item, int number) =>
        LocalizedText.Format("{0} 第{1}条：{2}", "{0} finding {1}: {2}", item, number, Problem);
}

/// <summary>
/// The one reader of finding input — the API, the CLI's findings files, appeal amendments and imports — with one set of
/// bounds. Whether the item and clause exist is the rubric's to say (<see cref="FindingsValidator"/>).
/// </summary>
public static class FindingReader
{
    /// <summary>More occurrences than any spot check finds; larger counts are typing mistakes.</summary>
    public const int MaxCount = 100_000;

    public const int MaxClause = 1000;

    public const int MaxReasonLength = 1000;

    /// <summary>More findings than any item has; a longer list is a mistake or an attack.</summary>
    public const int MaxPerItem = 50;

    public static Finding Read(ItemKey item, FindingInput input, out FindingProblem? problem)
    {
        problem = Problem(input);
        if (problem is not null)
            return null!;
        return (input.Clause, input.Deduction) switch
        {
            ({ } clause, { } amount) => new RangeFinding(item, (int)clause, Points.Normalize(amount), input.Reason!.Trim()),
            ({ } clause, null) => new ClauseFinding(item, (int)clause, (int)(input.Count ?? 1)),
            _ => new ManualDeduction(item, Points.Normalize(input.Deduction!.Value), input.Reason!.Trim()),
        };
    }

    /// <summary>Reads one item's findings; the problems name each finding by its place in the list (from 1).</summary>
    public static (List<Finding> Findings, List<(int Index, LocalizedText Problem)> Problems) ReadItem(ItemKey item, IReadOnlyList<FindingInput> inputs)
    {
        var findings = new List<Finding>();
        var problems = new List<(int, LocalizedText)>();
        if (inputs.Count > MaxPerItem)
        {
            problems.Add((-1, LocalizedText.Format("{0}：一个项目最多{1}条扣分，读到{2}条。", "{0}: an item has at most {1} findings; got {2}.",
                item, MaxPerItem, inputs.Count)));
            return (findings, problems);
        }
        for (var i = 0; i < inputs.Count; i++)
        {
            var finding = Read(item, inputs[i], out var problem);
            if (problem is not null)
                problems.Add((i, problem.At(item, i + 1)));
            else
                findings.Add(finding);
        }
        return (findings, problems);
    }

    private static FindingProblem? Problem(FindingInput input)
    {
        if (input.Clause is { } clause)
        {
            if (clause != decimal.Truncate(clause) || clause is < 1 or > MaxClause)
                return new("clause", LocalizedText.Format("条款序号应是从1开始的整数，读到的是 {0}。", "the clause must be a whole number from 1; got {0}.", clause));
            if (input.Count is { } count && (count != decimal.Truncate(count) || count < 0))
                return new("count", LocalizedText.Format("次数应是0或正整数，读到的是 {0}。", "the count must be 0 or a positive whole number; got {0}.", count));
            if (input.Count > MaxCount)
                return new("count", LocalizedText.Format("次数{0}过大（最多{1}）。", "the count {0} is too large (at most {1}).", input.Count, MaxCount));
            if (input.Deduction is null)
                return input.Reason is null ? null : new("reason", new("条款扣分不写原因；酌情扣分请同时填写扣分（deduction）。",
                    "a clause finding has no reason; for a range clause give the amount (deduction) too."));
        }
        if (input.Deduction is { } deduction)
        {
            if (input.Count is not null)
                return new("count", new("人工扣分和酌情扣分没有次数（count）。", "a manual or range deduction has no count."));
            if (deduction <= 0)
                return new("deduction", LocalizedText.Format("人工扣分应大于0，读到的是 {0}。", "a manual deduction must be more than 0; got {0}.", deduction));
            if (deduction > ClauseExtractor.MaxAmount)
                return new("deduction", LocalizedText.Format("人工扣分{0}过大（最多{1}分）。", "the manual deduction {0} is too large (at most {1}).",
                    deduction, ClauseExtractor.MaxAmount));
            if (string.IsNullOrWhiteSpace(input.Reason))
                return new("reason", input.Clause is null ? new("人工扣分必须写明原因。", "a manual deduction needs a reason.")
                    : new("酌情扣分必须写明原因。", "a deduction within a range needs a reason."));
            if (input.Reason.Length > MaxReasonLength)
                return new("reason", LocalizedText.Format("原因不能超过{0}字。", "the reason cannot be longer than {0} characters.", MaxReasonLength));
            return null;
        }
        return new("clause", new("应有条款序号（clause）或人工扣分（deduction 和 reason）。", "needs a clause, or a deduction with a reason."));
    }
}
