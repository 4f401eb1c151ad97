using System.Text.RegularExpressions;
using Kaoping.Text;

namespace Kaoping.Rubrics;

/// <summary>Reads the meaning of a rubric table: title and total, categories, subcategories, items and their clauses.</summary>
public static partial class RubricBuilder
{
    // 一、责任落实（11分） or 责任落实(11分); the code and the points are optional
    [GeneratedRegex(@"^(?:(?<code>[一二三四五六七八九十]+)\s*[、.．]\s*|[（(](?<code>[一二三四五六七八九十]+)[）)]\s*|(?<code>\d+)\s*[、.．]\s*)?"
        + @"(?<name>.*?)\s*(?:[（(]\s*(?<points>[^（）()]*?)\s*[）)]|\s(?<points>[0-9０-９.．]+\s*分))?\s*$")]
    private static partial Regex Heading();

    // 1.  2、  1．  ９、  （1）  (1)  3）  ①
    [GeneratedRegex(@"^\s*(?:(?<n>[0-9０-９]{1,3})\s*[.．、,，)）](?![0-9０-９])|[（(]\s*(?<n>[0-9０-９]{1,3})\s*[）)]|(?<c>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))\s*")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^附\s*件\s*[0-9０-９一二三四五六七八九十]+")]
    private static partial Regex AnnexLine();

    public static Rubric Build(RubricTable table)
    {
        var warnings = new List<LocalizedText>();
        var (annex, title, titlePoints) = ReadTitle(table, warnings);
        var columns = table.Columns;
        var categories = new List<CategoryDraft>();
        var notes = new List<string>();
        var rowNumber = 0;
        foreach (var row in table.Rows)
        {
            rowNumber++;
            var place = row[0].Place;
            var categoryCell = row[columns.Category];
            TableCell? subcategoryCell = columns.Subcategory is { } s ? row[s] : null;
            var requirement = row[columns.Requirement];
            var criteria = row[columns.Criteria];
            var points = row[columns.Points];

            if (!categoryCell.IsBlank)
            {
                var (code, name, headingPoints) = ReadHeading(categoryCell, "指标", "category");
                categories.Add(new CategoryDraft(code, name, headingPoints, categoryCell.Place));
                // A category without subcategories (no 类别 column, or its 类别 cell merged across) is its own single subcategory.
                if (subcategoryCell is null or { IsBlank: true })
                    categories[^1].Subcategories.Add(new SubcategoryDraft(name, headingPoints, categoryCell.Place));
            }
            if (subcategoryCell is { IsBlank: false })
            {
                if (categories.Count == 0)
                    throw Error(place, "表格第{1}行的类别前面没有指标。", "table row {1} has a subcategory before any category.", rowNumber);
                var (_, name, headingPoints) = ReadHeading(subcategoryCell, "类别", "subcategory");
                categories[^1].Subcategories.Add(new SubcategoryDraft(name, headingPoints, subcategoryCell.Place));
            }
            if (requirement.IsBlank && criteria.IsBlank && points.IsBlank)
                continue;
            // a row that only holds （以下各项扣完为止） or 不涉及的不扣分 speaks of the items after it
            if (points.IsBlank && new[] { requirement, criteria }.Where(c => !c.IsBlank).All(c => CriteriaText.IsDocumentNote(c.Joined)))
            {
                notes.AddRange(new[] { requirement, criteria }.Where(c => !c.IsBlank).Select(c => CriteriaText.Trim(c.Joined)));
                continue;
            }
            if (categories.Count == 0 || categories[^1].Subcategories.Count == 0)
                throw Error(place, "表格第{1}行的考评内容前面没有指标和类别。", "table row {1} has an item before any category and subcategory.", rowNumber);
            if (points.IsBlank)
                throw Error(points.Place, "表格第{1}行的“分值”是空的。", "table row {1} has an empty points cell.", rowNumber);
            if (!Points.TryParsePoints(points.Joined, out var itemPoints) || itemPoints < 0 || itemPoints > ClauseExtractor.MaxAmount)
                throw Error(points.Place, "表格第{1}行的分值“{2}”无法识别，应写成如“1分”“0.5分”。",
                    "table row {1}: the points “{2}” cannot be read; write them like “1分” or “0.5分”.", rowNumber, points.Joined);
            var extracted = ClauseExtractor.Extract(criteria.Joined, itemPoints, notes.Count == 0 ? [] : [.. notes]);
            categories[^1].Subcategories[^1].Items.Add(new ItemDraft(requirement.Joined, criteria.Joined, itemPoints, requirement.Place, extracted));
            notes.AddRange(extracted.NotesForFollowing);
        }
        if (categories.Count == 0)
            throw new RubricFormatException(LocalizedText.Format(
                "{0}：表格里没有考评项目。", "{0}: the table holds no items.", table.Source));

        var built = categories.Select((c, i) => c.Build(i + 1, warnings)).ToList();
        var total = titlePoints ?? built.Sum(c => c.Points);
        if (titlePoints is null)
            warnings.Add(LocalizedText.Format(
                "标题中没有写明总分（如“（40分）”），按各指标分值之和{0}分计。",
                "The title does not state the total (such as “（40分）”); the sum of the categories, {0}, is used.", total));
        return new Rubric(annex, title, total, built, warnings);
    }

    private static (string? Annex, string Title, decimal? Points) ReadTitle(RubricTable table, List<LocalizedText> warnings)
    {
        string? annex = null;
        var titleLines = new List<string>();
        foreach (var line in table.TitleLines)
        {
            var annexMatch = AnnexLine().Match(line);
            if (annex is null && annexMatch.Success)
            {
                // whatever stands above the 附件 line (a document's heading, a note) is not the title
                titleLines.Clear();
                annex = Regex.Replace(Points.ToAscii(annexMatch.Value), @"\s", "");
                var after = line[annexMatch.Length..].Trim().TrimStart('：', ':').Trim();
                if (after.Length > 0)
                    titleLines.Add(after);
            }
            else
            {
                titleLines.Add(line);
            }
        }
        // The title ends at the line that states the total (…细则（40分）); lines after it (（2019年修订）, 被考评单位：…) are not the title.
        decimal? points = null;
        var title = TextJoin.Lines(titleLines);
        for (var i = 0; i < titleLines.Count; i++)
        {
            var upTo = TextJoin.Lines([.. titleLines.Take(i + 1)]);
            var heading = Heading().Match(upTo);
            if (heading.Groups["points"].Success && TryParseHeadingPoints(heading.Groups["points"].Value, out var p))
            {
                points = p;
                title = upTo[..heading.Groups["points"].Index].TrimEnd().TrimEnd('（', '(').TrimEnd();
                break;
            }
        }
        if (title.Length == 0)
            warnings.Add(LocalizedText.Format("{0}：表格上方没有标题。", "{0}: there is no title above the table.", table.Source));
        return (annex, title, points);
    }

    private static (string? Code, string Name, decimal? Points) ReadHeading(TableCell cell, string zhLevel, string enLevel)
    {
        var text = cell.Joined;
        var match = Heading().Match(text);
        var name = match.Groups["name"].Value.Trim();
        decimal? points = null;
        if (match.Groups["points"].Success)
        {
            if (TryParseHeadingPoints(match.Groups["points"].Value, out var p))
                points = p;
            else
                name = text[match.Groups["name"].Index..].Trim(); // a bracket that is part of the name, e.g. （含消防）
        }
        if (name.Length == 0)
            throw Error(cell.Place, "{1}“{2}”没有名称。", "the {3} “{2}” has no name.", zhLevel, text, enLevel);
        var code = match.Groups["code"].Success ? match.Groups["code"].Value : null;
        return (code, name, points);
    }

    // "40分", "满分40分", "总分：100分", "11", "满分4分，其中加分2分"
    private static bool TryParseHeadingPoints(string text, out decimal points)
    {
        var match = HeadingPoints().Match(text.Trim());
        points = 0;
        return match.Success && Points.TryParseNumber(match.Groups["n"].Value, out points);
    }

    [GeneratedRegex(@"^(?:满分|总分|共计|合计|共|计)?\s*[:：]?\s*(?<n>[0-9０-９.．]+|[一二三四五六七八九十]+)\s*(?:分(?:[，,；;].*)?)?$")]
    private static partial Regex HeadingPoints();

    internal static (string? Number, string Requirement) SplitItemNumber(string requirement)
    {
        var match = ItemNumber().Match(requirement);
        if (!match.Success)
            return (null, requirement);
        var number = match.Groups["n"].Success
            ? Points.ToAscii(match.Groups["n"].Value)
            : ((match.Groups["c"].Value[0] - '①') + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (number, requirement[match.Length..]);
    }

    private static RubricFormatException Error(SourcePlace place, string zh, string en, params object?[] args) =>
        new(LocalizedText.Format("{0}：" + zh, "{0}: " + en, [place.Describe(), .. args]));

    private sealed record ItemDraft(string Requirement, string Criteria, decimal Points, SourcePlace Place, ExtractedCriteria Extracted);

    private sealed record SubcategoryDraft(string Name, decimal? Points, SourcePlace Place)
    {
        public List<ItemDraft> Items { get; } = [];
    }

    private sealed record CategoryDraft(string? Code, string Name, decimal? Points, SourcePlace Place)
    {
        public List<SubcategoryDraft> Subcategories { get; } = [];

        public Category Build(int number, List<LocalizedText> warnings)
        {
            var subcategories = new List<Subcategory>();
            foreach (var sub in Subcategories)
            {
                var s = subcategories.Count + 1;
                var items = sub.Items.Select((item, i) =>
                {
                    var (itemNumber, requirement) = SplitItemNumber(item.Requirement);
                    var extracted = item.Extracted;
                    return new RubricItem(new ItemKey(number, s, i + 1), itemNumber, requirement, item.Criteria, item.Points,
                        extracted.Method, extracted.Clauses, extracted.Warnings, item.Place, extracted.ItemCap)
                    {
                        Effects = extracted.Effects,
                        BonusAlternatives = extracted.BonusAlternatives,
                        NotApplicableFull = extracted.NotApplicableFull,
                    };
                }).ToList();
                subcategories.Add(new Subcategory(Name, s, sub.Name,
                    sub.Points ?? Stated(sub.Name, sub.Place, items.Sum(i => i.Points), warnings), items, sub.Place));
            }
            return new Category(number, Code, Name, Points ?? Stated(Name, Place, subcategories.Sum(x => x.Points), warnings), subcategories, Place);
        }

        private static decimal Stated(string name, SourcePlace place, decimal sum, List<LocalizedText> warnings)
        {
            warnings.Add(LocalizedText.Format(
                "{0}：“{1}”没有写明分值（如“（5分）”），按下一级分值之和{2}分计。",
                "{0}: “{1}” does not state its points (such as “（5分）”); the sum below it, {2}, is used.", place.Describe(), name, sum));
            return sum;
        }
    }
}
