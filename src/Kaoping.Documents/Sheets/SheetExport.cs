using Kaoping.Documents.Pdf;
using Kaoping.Rubrics;
using Kaoping.Scoring;

namespace Kaoping.Documents.Sheets;

/// <summary>The formats a filled sheet is exported in, and the one call that writes any of them.</summary>
public static class SheetExport
{
    public static IReadOnlyList<string> Formats { get; } = ["docx", "xlsx", "pdf"];

    public static bool IsFormat(string? format) => format is not null && Formats.Contains(format);

    public static string ContentType(string format) => format switch
    {
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/pdf",
    };

    public static void Write(Stream output, string format, Rubric rubric, SheetScore score, SheetHeading heading)
    {
        switch (format)
        {
            case "docx":
                SheetDocxWriter.Write(output, rubric, score, heading);
                break;
            case "xlsx":
                SheetXlsxWriter.Write(output, rubric, score, heading);
                break;
            case "pdf":
                SheetPdfWriter.Write(output, rubric, score, heading);
                break;
            default:
                throw new ArgumentException("Unknown format " + format, nameof(format));
        }
    }
}
