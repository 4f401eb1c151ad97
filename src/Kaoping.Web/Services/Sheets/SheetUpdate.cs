using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Web.Services;

public abstract record SheetUpdate
{
    public sealed record Saved(SheetView View) : SheetUpdate;

    public sealed record NotFound : SheetUpdate;

    public sealed record Forbidden(LocalizedText Reason) : SheetUpdate;

    /// <summary>Allowed for the caller, but not in the sheet's present state.</summary>
    public sealed record Conflict(LocalizedText Reason) : SheetUpdate;

    public sealed record Invalid(IReadOnlyDictionary<string, LocalizedText> Problems) : SheetUpdate
    {
        public static Invalid Of(string field, LocalizedText problem) => new(new Dictionary<string, LocalizedText> { [field] = problem });
    }

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
