using Kaoping.Text;

namespace Kaoping.Web.Services.Results;

/// <summary>What became of an office's change of a campaign's result inputs (statistics, vetoes, bonus).</summary>
public enum ChangeOutcome { Saved, NotFound, Forbidden, Invalid }

public sealed record ChangeAnswer(ChangeOutcome Outcome, Dictionary<string, LocalizedText>? Problems = null, int Changed = 0)
{
    public static ChangeAnswer Invalid(string field, LocalizedText problem) => new(ChangeOutcome.Invalid, new() { [field] = problem });
}
