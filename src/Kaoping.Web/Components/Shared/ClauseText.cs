using Kaoping.Rubrics;

namespace Kaoping.Web.Components.Shared;

/// <summary>How a clause reads on a page, in the page's language.</summary>
public static class ClauseText
{
    public static string Describe(Clause clause, Ui l) => l.T(clause.Describe());
}
