using System.Text.RegularExpressions;
using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>Reads what a criteria text does beyond its item (一票否决, 所在类别不得分, 追加扣除…) and names it in a warning.</summary>
public static partial class ItemEffects
{
    // 实行一票否决, 按照“一票否决”的原则, 即为不合格 — but not 未建立“一票否决”制度 (a clause's condition)
    [GeneratedRegex(@"一票否决(?![”""’]?\s*(?:制度|制))|即为(?:安全生产)?不合格|评为不合格|总得分为零")]
    private static partial Regex Veto();

    [GeneratedRegex("不得分|清零|否决")]
    private static partial Regex Zeroes();

    /// <summary>The effect a text left over after the clauses states, if any.</summary>
    internal static ItemEffect? InText(string text) => Veto().IsMatch(text) ? ItemEffect.Veto : null;

    /// <summary>The effect of an effect marker (所在类别不得分, 考核分清零, B级否决项, 另扣总分, 追加扣除10分).</summary>
    internal static ItemEffect OfMarker(string marker) => Zeroes().IsMatch(marker) ? ItemEffect.ZeroesParent : ItemEffect.DeductsFromParent;

    internal static LocalizedText Warning(ItemEffect effect, string text) => LocalizedText.Format(
        "“{0}”的效果超出本项（{1}），由考评办法执行，不在本项扣分；请考评员留意并写明情况。",
        "“{0}” reaches beyond the item ({2}); the scheme applies it, not the item's deduction — the assessor notes what was found.",
        text, Chinese(effect), English(effect));

    /// <summary>“超出本项的效果：一票否决” / “effect beyond the item: veto”.</summary>
    public static LocalizedText Describe(this ItemEffect effect) =>
        new("超出本项的效果：" + Chinese(effect), "effect beyond the item: " + English(effect));

    public static string Chinese(ItemEffect effect) => effect switch
    {
        ItemEffect.Veto => "一票否决",
        ItemEffect.ZeroesParent => "上一级不得分",
        ItemEffect.DeductsFromParent => "从上一级或总分中扣分",
    };

    public static string English(ItemEffect effect) => effect switch
    {
        ItemEffect.Veto => "veto",
        ItemEffect.ZeroesParent => "the level above scores nothing",
        ItemEffect.DeductsFromParent => "points taken from the level above or the total",
    };
}
