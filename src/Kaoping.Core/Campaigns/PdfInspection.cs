using System.IO.Compression;
using System.Text;
using Kaoping.Text;

namespace Kaoping.Campaigns;

/// <summary>
/// Refuses a PDF that can run something: JavaScript (/JS, /JavaScript), a launch action (/Launch) or an attached file
/// (/EmbeddedFile, /EmbeddedFiles). Names are read as PDF spells them (#xx escapes decoded) outside stream data, and
/// inside compressed object streams (/ObjStm), where dictionaries can hide; an object stream that cannot be unpacked
/// (encrypted, or in a filter not read here) is refused, since what it holds cannot be checked.
/// </summary>
public static class PdfInspection
{
    /// <summary>What object streams may unpack to in all; a 20 MB file's objects are a few MB.</summary>
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;

    private static readonly string[] s_otherFilters =
        ["ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "RunLengthDecode", "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "JPXDecode", "Crypt"];

    public static void Check(Stream content, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var scan = new Scan(source);
        scan.File(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private sealed class Scan(string source)
    {
        private readonly List<string> _names = [];
        private long _unpacked;

        public void File(ReadOnlySpan<byte> pdf)
        {
            var i = 0;
            while (i < pdf.Length)
            {
                var next = pdf[i..].IndexOfAny((byte)'/', (byte)'s');
                if (next < 0)
                    return;
                i += next;
                if (pdf[i] == '/')
                {
                    i = Name(pdf, i);
                    continue;
                }
                if (StreamDataAt(pdf, i) is not { } data)
                {
                    i++;
                    continue;
                }
                var end = pdf[data..].IndexOf("endstream"u8);
                var length = end < 0 ? pdf.Length - data : end;
                if (_names.Contains("ObjStm"))
                    ObjectStream(pdf.Slice(data, length), data);
                _names.Clear();
                i = data + length;
            }
        }

        // "stream" as a keyword (not the end of "endstream"), followed by its end of line: where the data starts.
        private static int? StreamDataAt(ReadOnlySpan<byte> pdf, int i)
        {
            if (!pdf[i..].StartsWith("stream"u8) || (i > 0 && char.IsAsciiLetter((char)pdf[i - 1])))
                return null;
            var at = i + 6;
            if (at < pdf.Length && pdf[at] == '\r')
                return at + 1 < pdf.Length && pdf[at + 1] == '\n' ? at + 2 : at + 1;
            return at < pdf.Length && pdf[at] == '\n' ? at + 1 : null;
        }

        private void ObjectStream(ReadOnlySpan<byte> data, int offset)
        {
            if (_names.FirstOrDefault(s_otherFilters.Contains) is { } filter)
                throw Refuse("第{1}字节处的对象流使用{2}编码，无法检查其中是否有脚本",
                    "the object stream at byte {1} is encoded with {2} and cannot be checked for scripts", offset, filter);
            if (!_names.Contains("FlateDecode"))
            {
                Names(data);
                return;
            }
            using var unpacked = new MemoryStream();
            try
            {
                using var inflate = new ZLibStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress);
                var chunk = new byte[81920];
                int n;
                while ((n = inflate.Read(chunk, 0, chunk.Length)) > 0)
                {
                    _unpacked += n;
                    if (_unpacked > MaxUnpackedBytes)
                        throw Refuse("对象流解压后超过{1} MB，无法检查", "its object streams unpack to more than {1} MB and cannot be checked",
                            MaxUnpackedBytes / 1024 / 1024);
                    unpacked.Write(chunk, 0, n);
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // zlib's own errors (ZLibException) are IOExceptions
                throw Refuse("第{1}字节处的对象流无法解压（文件已损坏或加密），无法检查其中是否有脚本",
                    "the object stream at byte {1} cannot be unpacked (the file is damaged or encrypted) and cannot be checked for scripts", offset);
            }
            Names(unpacked.GetBuffer().AsSpan(0, (int)unpacked.Length));
        }

        private void Names(ReadOnlySpan<byte> objects)
        {
            int next;
            for (var i = 0; (next = objects[i..].IndexOf((byte)'/')) >= 0;)
                i = Name(objects, i + next);
        }

        // A name from its slash to the next delimiter, #xx escapes decoded; the position after it.
        private int Name(ReadOnlySpan<byte> pdf, int slash)
        {
            var name = new StringBuilder();
            var i = slash + 1;
            for (; i < pdf.Length && !IsDelimiter(pdf[i]) && name.Length < 128; i++)
            {
                if (pdf[i] == '#' && i + 2 < pdf.Length && IsHex(pdf[i + 1]) && IsHex(pdf[i + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(pdf.Slice(i + 1, 2)), 16));
                    i += 2;
                }
                else
                {
                    name.Append((char)pdf[i]);
                }
            }
            var text = name.ToString();
            switch (text)
            {
                case "JS" or "JavaScript":
                    throw Refuse("含有JavaScript脚本（/{1}，第{2}字节处）", "it holds JavaScript (/{1}, at byte {2})", text, slash);
                case "Launch":
                    throw Refuse("含有启动外部程序的动作（/Launch，第{1}字节处）", "it holds an action that launches a program (/Launch, at byte {1})", slash);
                case "EmbeddedFile" or "EmbeddedFiles":
                    throw Refuse("含有附件（/{1}，第{2}字节处）", "it holds an attached file (/{1}, at byte {2})", text, slash);
            }
            // the last names are the dictionary of the stream that follows
            if (_names.Count == 64)
                _names.RemoveAt(0);
            _names.Add(text);
            return Math.Max(i, slash + 1);
        }

        private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or 0
            or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

        private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

        private InvalidInputException Refuse(string zh, string en, params object?[] args) => new(LocalizedText.Format(
            "{0}：PDF文件" + zh + "，不接受；请另存或打印为不含脚本和附件的PDF后再上传。",
            "{0}: the PDF file is refused: " + en + "; save or print it as a PDF without scripts or attachments, then upload it.",
            [source, .. args]));
    }
}
