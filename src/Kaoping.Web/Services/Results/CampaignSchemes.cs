using Kaoping.Rubrics;
using Kaoping.Schemes;

namespace Kaoping.Web.Services.Results;

/// <summary>
/// The scheme a campaign's results are computed under. A campaign without a scheme of its own has the default: one part,
/// the campaign's rubric at its own points (key <c>work</c>), the default grade bands and no bonus or vetoes.
/// </summary>
public static class CampaignSchemes
{
    public const string DefaultPartKey = "work";

    public static Scheme Default(string campaignName, int rubricId, Rubric rubric)
    {
        var name = rubric.Title is { Length: > 0 and <= SchemeBuilder.MaxNameLength } title ? title : "考评细则";
        var spec = new SchemeSpec(Title(campaignName), [new PartSpec(DefaultPartKey, name, rubric.Points, Library(rubricId))]);
        return SchemeBuilder.Build(spec, campaignName, _ => rubric);
    }

    /// <summary>How a scheme names a rubric of the library.</summary>
    public static string Library(int rubricId) => "library:" + rubricId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Title(string campaignName) =>
        campaignName.Length is > 0 and <= SchemeBuilder.MaxNameLength ? campaignName : "考核方案";
}
