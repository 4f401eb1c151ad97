using Kaoping.Campaigns;

namespace Kaoping.Web.Services.Results;

/// <summary>Which sheets count in a result: by default a sheet is final once approved (已审定) or published (已公示).</summary>
public static class ResultStates
{
    public static bool IsFinal(SheetState state) => state is SheetState.Approved or SheetState.Published;
}
