using System.Globalization;
using System.Text.RegularExpressions;
using Kaoping.Documents.Sheets;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Cli.Commands;

/// <summary><c>kaoping export sheet --rubric R --findings F --format docx -o OUT</c>: the filled sheet as a document.</summary>
public static partial class ExportCommand
{
    [GeneratedRegex(@"(19|20)\d{2}")]
    private static partial Regex Year();

    public static int Sheet(CliArguments cli, TextWriter output)
    {
        var format = (cli.Option("--format") ?? Path.GetExtension(cli.Option("--output") ?? "").TrimStart('.')).ToLowerInvariant();
        if (!SheetExport.IsFormat(format))
            throw new UsageException(LocalizedText.Format(
                "不支持导出为“{0}”；可用 docx、xlsx 或 pdf。", "cannot export as “{0}”; use docx, xlsx or pdf.", format));
        var target = cli.Required("--output");
        var (rubric, score) = ScoreCommand.Scored(cli);
        var yearText = cli.Option("--year") ?? Year().Match(rubric.Title).Value;
        var year = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : DateTime.Today.Year;
        var heading = new SheetHeading(cli.Option("--campaign") ?? rubric.Title.Replace("细则", "", StringComparison.Ordinal), year);

        // write to memory first: a failure leaves no half-written file behind
        using var buffer = new MemoryStream();
        SheetExport.Write(buffer, format, rubric, score, heading);
        try
        {
            File.WriteAllBytes(target, buffer.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(LocalizedText.Format("{0}：无法写入（{1}）。", "{0}: cannot be written ({1}).", target, e.Message));
        }
        output.WriteLine(cli.Language == Language.Zh
            ? $"已导出 {score.Target} 的考评表：{target}（得分 {Points.Format(score.Score)} / {Points.Format(score.Points)}）"
            : $"Exported the sheet of {score.Target}: {target} (score {Points.Format(score.Score)} / {Points.Format(score.Points)})");
        return KaopingCli.Ok;
    }
}
