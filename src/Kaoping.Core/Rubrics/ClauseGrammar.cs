using System.Text.RegularExpressions;

namespace Kaoping.Rubrics;

/// <summary>
/// The phrasing families of criteria texts as patterns. One alternation (<see cref="Markers"/>) finds, left to right,
/// every amount and every modifier; the phrase patterns then decide what a clause counts. docs/scoring.md names each family.
/// </summary>
internal static partial class ClauseGrammar
{
    public const string Number = @"(?:[0-9０-９]{1,6}(?:[.．][0-9０-９]{1,4})?|[零一二两三四五六七八九十]{1,3}(?:点[零〇一二三四五六七八九]{1,3})?|半)";

    // 個項處條 are the traditional forms a converted page carries
    public const string Unit = "(?:个百分点|百分点|个季度|季度|个月|人次|次|个|個|家|处|處|项|項|件|人|条|條|份|起|名|所|户|座|台|辆|月|批|类|场|本|宗|例|篇|期|张|天|周|样|卷|方面)";

    // 1-5, 0.5—2, 5~10, 1--3, 2～6, 1至3
    private const string Dash = @"(?:[-~～〜—–－―‐]{1,2}|至|到)";

    private const string Deduct = @"(?:直接)?(?:扣除|扣减|扣|(?<![增缩削])减)";

    [GeneratedRegex(
        "(?<range>(?<discretionary>酌情|视情况?|视情节|根据情况)?" + Deduct + @"\s*(?:分\s*)?(?<min>" + Number + @")\s*分?\s*" + Dash + @"\s*(?<max>"
            + Number + @")\s*分(?:\s*[/／]\s*(?<rper>" + Unit + "))?)" +
        "|(?<rangebonus>加\\s*" + Number + "\\s*分?\\s*" + Dash + "\\s*" + Number + "\\s*分)" +
        "|(?<escalating>依次(?:扣除|扣|加)\\s*" + Number + "(?:\\s*[、,，]\\s*" + Number + ")+\\s*分|(?:加倍|翻倍)扣分)" +
        "|(?<discretion>(?:酌情|视情况?|视情节|根据情况)(?:扣除|扣减|扣|减|加)?\\s*(?:[^，,；;。]{0,4}分)?|综合评定|综合评分|研究确定)" +
        "|(?<effect>(?:所在|该|本)(?:类别|类|指标|部分|大项)(?:全部)?不得分|(?:考核|管理|本部分|该部分)?分清零|另扣总分\\s*(?:" + Number
            + "\\s*分)?|[在从]总分中扣除|追加扣除\\s*" + Number + "\\s*分|[A-ZＡ-Ｚ]\\s*级\\s*否决项)" +
        "|(?<allocation>各\\s*" + Number + "\\s*分(?![钟之]))" +
        "|(?<positive>(?:(?<![不全])得|(?<![合总共累小统])[计记])\\s*(?:(?!0分|０分|零分)(?<pnum>" + Number + ")\\s*分|(?<full>满分)))" +
        "|(?<cap>(?<whole>(?:本项|此项|该项|本条|以上[各两二三四五几]?项|上述[各两二三四五几]?项)?(?:加分|扣分)?(?:累计|合计|共计)?(?:扣分)?)"
            + "(?:(?:最多|最高)(?:不超过?|不得超过)?|至多|不超过?|不得超过|上限为?|封顶)\\s*可?(?:扣除|扣减|扣|减|加)?\\s*(?<capnum>" + Number + ")\\s*分(?:封顶|为限|为止)?"
            + "|扣(?:完|满|至)\\s*(?![0０]\\s*分)(?<capnum>" + Number + ")\\s*分(?!的)(?:为止|即止|止)?)" +
        "|(?<allot>(?:总分|满分|分值|共(?!扣))为?\\s*(?<anum>" + Number + ")\\s*分|[（(]\\s*(?<anum>" + Number + ")\\s*分\\s*[）)])" +
        "|(?<repeat>直至(?:此项|该项|本项)?(?:分值|分数)?扣完(?:为止)?|扣(?:完|满)(?:本项|此项|该项)?(?:分值)?(?:为止|即止)|扣至[0０]分为?止"
            + "|(?:此项|该项|本项)分值?扣完为止)" +
        "|(?<zero>(?:直接)?(?:该项|此项|本项|该条|本条|该指标|此指标)?(?:不得分|不给分|不计分|[得计记]\\s*[0０零]\\s*分)"
            + "|扣除?(?:该|此|本)(?:项|条|项目)(?:全部)?分(?:值|数)|(?:该项|此项|本项)(?:分值|分数)?(?:全扣|全部扣除|全部扣完)"
            + "|(?:该|本)项目\\s*" + Number + "\\s*分全部扣除|全部扣完(?!为止)|扣全分|(?<![扣安完健齐])全扣(?=\\s*[，,；;。）)]|\\s*$))" +
        "|(?<deduct>(?<each>各|分别)?(?:" + Deduct + "\\s*(?<num>" + Number + ")\\s*分(?![钟之])|扣\\s*(?<num>" + Number + ")(?=\\s*[；;，,。]|\\s*$))"
            + "(?:\\s*[/／]\\s*(?<per>" + Unit + "))?)" +
        "|(?<bonus>(?<![参增添施附叠])(?:加|奖励|奖)\\s*(?<bnum>" + Number + ")\\s*分(?![钟之])(?:\\s*[/／]\\s*(?<bper>" + Unit + "))?)")]
    public static partial Regex Markers();

    // 每少一次, 每发现1个部门, 每有一项, 每处, 每降低1个百分点, 每少2次 (but not 每年…, once a year)
    [GeneratedRegex("每(?<verb>[^，,；;。、每年未不的]{0,4}?)(?<num>[一二两三四五六七八九十]|[0-9０-９]+)?\\s*(?<unit>" + Unit + ")")]
    public static partial Regex EveryPhrase();

    // 缺少一次, 少一次, 缺一项, 缺１次 (but not 至少一次)
    [GeneratedRegex("(?<![至不])(?<verb>缺少|缺失|缺|少|漏)(?<num>[一1１])\\s*(?<unit>" + Unit + ")")]
    public static partial Regex MissingPhrase();

    // 发现一家, 一处, 一项不符, 有一次, 1人次, 一个项目: one instance named before the amount counts occurrences —
    // but not 至少一次, 第一次, 任一项, 一次性, 一个月内, 一处以上
    [GeneratedRegex("(?<![至少于低过第任0-9０-９])(?<num>一|1|１)\\s*(?<unit>(?>" + Unit + "))(?!性|内|以内|以上|以下|后|前)")]
    public static partial Regex SingleInstance();

    // 未按规定设立…: the negation, its manner and the verb that a list's later members share (无 and 缺 take no verb)
    [GeneratedRegex("^(?<negation>未|没有|不|无|缺)(?<manner>按规定|按要求|及时|认真)?(?<verb>(?<![无缺])(?:" + Verbs + "))?")]
    public static partial Regex ListVerb();

    [GeneratedRegex("^(?:按规定|按要求|及时)?(?:" + Verbs + ")")]
    public static partial Regex StartsWithVerb();

    private const string Verbs = "建立|制定|制订|开展|落实|配备|配齐|签订|明确|设立|成立|组织|召开|编制|完善|纳入|报送|上报|整改|公示|实施|执行|确定|"
        + "开设|设置|提供|进行|参加|录入|备案|发放|培训|检查|督查";

    // 建卷和资料不完整的按卷扣2分: the unit the amount is counted by
    [GeneratedRegex("按(?<unit>" + Unit + ")$")]
    public static partial Regex ByUnit();

    [GeneratedRegex("^(?:随机|现场|实地|重点)?(?:查阅|抽查|调阅|查看|察看|检查|核查|核实|查询|听取|询问|走访|暗访|座谈|抽取|查验|审阅|比对|抽考|考试|测试|问卷|对照)")]
    public static partial Regex MethodVerb();

    [GeneratedRegex("未|没有|(?<!有)无|缺|(?<!不)少于|(?<!不)低于|超过|发现|每|不足|不到|不符|不按|不及时|不得|扣")]
    public static partial Regex Trigger();

    // 1.  2、  （1）  (2)  ①  at the start of a condition or method part
    [GeneratedRegex(@"^(?:[0-9０-９]{1,2}\s*[.．、)）](?![0-9])|[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]\s*[、.．]?|[①②③④⑤⑥⑦⑧⑨⑩])\s*")]
    public static partial Regex Enumerator();

    // 同一事项按最高级别加分，不重复计算; 就高不就低: the bonus clauses of the item are alternatives, counted once at the highest
    [GeneratedRegex(@"^[（(]?\s*(?:(?:同一(?:事项|项目|荣誉|表彰|奖项|工作)[^，,；;。）)]{0,8}?)?(?:按|以|取)最高(?:级别|等级|层级|档次|一项)?(?:加分|计分|计算|计|为准)?"
        + @"(?:\s*[，,；;]?\s*不(?:重复|累计)(?:加分|计分|计算|计))?|(?:同一(?:事项|项目|荣誉|表彰|奖项)[^，,；;。]{0,6}?)?不(?:重复|累计)(?:加分|计分|计算|计)"
        + @"|就高不就低)\s*[）)]?$")]
    public static partial Regex Alternatives();

    // （以下各项扣完为止）, 不涉及的不扣分, （下同）: notes that apply to the items after them
    [GeneratedRegex(@"^[（(]?\s*(?:以下各?(?:项|条)[^（）()]{0,12}扣完为止|不涉及的?(?:项目?|内容)?不扣分|不涉及的?(?:项目?)?(?:得满分|按满分计)|下同)\s*[）)]?$")]
    public static partial Regex DocumentNote();
}
