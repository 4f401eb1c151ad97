namespace Kaoping.Web.Components;

/// <summary>The page's language: Chinese first, English when the user chose it. <c>L.T("考评任务", "Campaigns")</c>.</summary>
public sealed record Ui(string Lang)
{
    public const string Cookie = "kaoping-lang";

    public bool En => Lang == "en";

    public string T(string zh, string en) => En ? en : zh;

    public string T(Text.LocalizedText text) => En ? text.En : text.Zh;

    public string State(Campaigns.SheetState state) => En ? Campaigns.SheetStates.English(state) : Campaigns.SheetStates.Chinese(state);

    public string Role(Campaigns.Role role) => En ? Campaigns.Roles.English(role) : Campaigns.Roles.Chinese(role);

    public static string FromCookie(HttpContext? context) => context?.Request.Cookies[Cookie] == "en" ? "en" : "zh";
}
