using Kaoping.Documents.Rubrics;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Cli;

/// <summary>Opens the rubric a command names: a file, or <c>builtin:NAME</c>.</summary>
public static class RubricFiles
{
    public static Rubric Load(string path)
    {
        if (path.StartsWith(BuiltInRubrics.Prefix, StringComparison.Ordinal))
        {
            var name = path[BuiltInRubrics.Prefix.Length..];
            if (!BuiltInRubrics.TryOpen(name, out var builtIn))
                throw new InvalidInputException(LocalizedText.Format(
                    "没有名为“{0}”的内置考评细则；内置的有：{1}。", "there is no built-in rubric “{0}”; the built-in ones are: {1}.",
                    name, string.Join("、", BuiltInRubrics.Names)));
            using (builtIn)
                return TextRubricReader.Read(builtIn, path);
        }
        using var stream = OpenFile(path);
        return IsWordDocument(stream) ? DocxRubricReader.Read(stream, path) : TextRubricReader.Read(stream, path);
    }

    public static FileStream OpenFile(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException(LocalizedText.Format("{0}：找不到这个文件。", "{0}: no such file.", path));
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw new InvalidInputException(LocalizedText.Format("{0}：这是一个文件夹，不是文件。", "{0}: this is a folder, not a file.", path));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InvalidInputException(LocalizedText.Format("{0}：无法读取这个文件（{1}）。", "{0}: the file cannot be read ({1}).", path, e.Message));
        }
    }

    // a zip (.docx) or an OLE file (encrypted .docx, old .doc): the Word reader says which
    private static bool IsWordDocument(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 4 && (head[0] == (byte)'P' && head[1] == (byte)'K' || head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0);
    }
}
