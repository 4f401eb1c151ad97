using System.Globalization;
using System.Text;
using System.Xml;
using Kaoping.Rubrics;
using Kaoping.Text;

namespace Kaoping.Documents.Rubrics;

internal abstract record DocxBlock;

internal sealed record DocxParagraph(string Text) : DocxBlock;

internal sealed record DocxTable(List<List<DocxTableCell>> Rows) : DocxBlock;

internal sealed record DocxTableCell(IReadOnlyList<string> Lines);

/// <summary>
/// The body of word/document.xml read in one pass with a stack of its own (no recursion, no DOM), so neither deep
/// nesting nor a huge document reaches the thread's stack; depth, grid width and cell count are bounded.
/// </summary>
internal sealed class DocxBody
{
    public const int MaxDepth = 256;
    public const int MaxColumns = 64;
    public const int MaxCells = 200_000;
    public const string Part = "word/document.xml";
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly string _source;
    private readonly List<DocxBlock> _blocks = [];
    // The open elements below w:body: their local names, "" for another namespace.
    private readonly List<string> _path = [];
    private readonly StringBuilder _text = new();
    private List<List<DocxTableCell>>? _rows;
    private List<string>? _cellLines;
    private int _cells;
    private int _paragraphDepth = -1;
    private int _skipDepth = -1;
    private int _textDepth = -1;
    private bool _continued;
    private int _span;
    private int _gridAfter;

    private DocxBody(string source) => _source = source;

    public static List<DocxBlock> Read(byte[] xml, string source)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false, IgnoreComments = true,
            IgnoreProcessingInstructions = true, MaxCharactersFromEntities = 1024,
        };
        var body = new DocxBody(source);
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        try
        {
            if (!body.Walk(reader))
                throw Error(source, "不是 Word（.docx）文件：没有正文。", "not a Word (.docx) file: there is no body.");
        }
        catch (XmlException e)
        {
            throw Error(source, "文件已损坏（正文不是有效的 XML：{1}）。", "the file is damaged (its body is not valid XML: {1}).", e.Message);
        }
        return body._blocks;
    }

    private bool Walk(XmlReader reader)
    {
        var inBody = false;
        var sawBody = false;
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth)
                throw Error(_source, "{1}第{2}行第{3}列：元素嵌套超过{4}层，拒绝读取。",
                    "{1} line {2}, column {3}: elements are nested more than {4} deep and are refused.",
                    Part, (reader as IXmlLineInfo)?.LineNumber ?? 0, (reader as IXmlLineInfo)?.LinePosition ?? 0, MaxDepth);
            var w = reader.NamespaceURI == W;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when !inBody:
                    if (reader.Depth == 0 && !(w && reader.LocalName == "document"))
                        return false;
                    if (reader.Depth == 1 && w && reader.LocalName == "body" && !sawBody)
                        (inBody, sawBody) = (!reader.IsEmptyElement, true);
                    break;
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    Open(reader, w ? reader.LocalName : "");
                    if (empty)
                        Close();
                    break;
                case XmlNodeType.EndElement when inBody && _path.Count == 0:
                    inBody = false;
                    break;
                case XmlNodeType.EndElement when inBody:
                    Close();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when _textDepth >= 0 && _skipDepth < 0:
                    _text.Append(reader.Value);
                    break;
            }
        }
        return sawBody;
    }

    private void Open(XmlReader reader, string name)
    {
        _path.Add(name);
        var depth = _path.Count;
        if (_skipDepth >= 0)
            return;
        if (_paragraphDepth >= 0)
        {
            switch (name)
            {
                case "" or "del" or "delText" or "instrText" or "rPr" or "pPr":
                    _skipDepth = depth;
                    break;
                case "t" when _textDepth < 0:
                    _textDepth = depth;
                    break;
                case "tab":
                    _text.Append(' ');
                    break;
                case "br" or "cr":
                    _text.Append('\n');
                    break;
            }
            return;
        }
        if (depth == 1 && name == "p")
            StartParagraph(depth);
        else if (depth == 1 && name == "tbl")
            _rows = [];
        else if (_rows is null)
            return;
        else if (depth == 2 && name == "tr")
            StartRow();
        else if (depth == 4 && Is(2, "tr") && Is(3, "trPr") && name is "gridBefore" or "gridAfter")
            GridBeforeOrAfter(name, reader);
        else if (depth == 3 && Is(2, "tr") && name == "tc")
            (_cellLines, _span, _continued) = ([], 1, false);
        else if (depth == 5 && Is(3, "tc") && Is(4, "tcPr") && name is "gridSpan" or "vMerge")
            CellProperty(name, reader);
        else if (_cellLines is not null && name == "p" && (depth == 4 || (depth == 7 && Is(4, "tbl") && Is(5, "tr") && Is(6, "tc"))))
            StartParagraph(depth);
    }

    private void Close()
    {
        var depth = _path.Count;
        var name = _path[^1];
        _path.RemoveAt(depth - 1);
        if (_skipDepth == depth)
            _skipDepth = -1;
        else if (_textDepth == depth)
            _textDepth = -1;
        else if (_paragraphDepth == depth)
            EndParagraph();
        else if (_rows is not null && depth == 3 && name == "tc" && _cellLines is not null)
            EndCell();
        else if (_rows is not null && depth == 2 && name == "tr")
            AddEmpty(_gridAfter);
        else if (_rows is not null && depth == 1 && name == "tbl")
            EndTable();
    }

    private bool Is(int depth, string name) => _path[depth - 1] == name;

    private void StartParagraph(int depth) => (_paragraphDepth, _text.Length) = (depth, 0);

    private void EndParagraph()
    {
        _paragraphDepth = -1;
        if (_cellLines is not null)
            _cellLines.AddRange(_text.ToString().Split('\n'));
        else if (_rows is null)
            _blocks.Add(new DocxParagraph(_text.ToString()));
    }

    private void StartRow()
    {
        _rows!.Add([]);
        _gridAfter = 0;
    }

    private void GridBeforeOrAfter(string name, XmlReader reader)
    {
        var count = IntValue(reader);
        if (name == "gridBefore")
            AddEmpty(count);
        else
            _gridAfter = count;
    }

    private void CellProperty(string name, XmlReader reader)
    {
        if (name == "gridSpan")
            _span = Math.Max(1, IntValue(reader));
        else
            _continued = (reader.GetAttribute("val", W) ?? "continue") == "continue";
    }

    // A continued vertical merge is the empty cell of the text layout; a horizontally merged cell's other grid columns are empty.
    private void EndCell()
    {
        AddCell(new DocxTableCell(_continued ? [] : _cellLines!));
        _cellLines = null;
        AddEmpty(_span - 1);
    }

    private void AddEmpty(int count)
    {
        for (var i = 0; i < count; i++)
            AddCell(new DocxTableCell([]));
    }

    private void AddCell(DocxTableCell cell)
    {
        var row = _rows![^1];
        if (row.Count >= MaxColumns)
            throw Error(_source, "表{1}第{2}行超过{3}列，拒绝读取。", "table {1}, row {2} has more than {3} columns and is refused.",
                _blocks.OfType<DocxTable>().Count() + 1, _rows.Count, MaxColumns);
        if (++_cells > MaxCells)
            throw Error(_source, "表格共超过{1}个单元格，拒绝读取。", "the tables hold more than {1} cells and are refused.", MaxCells);
        row.Add(cell);
    }

    private void EndTable()
    {
        _blocks.Add(new DocxTable(_rows!));
        _rows = null;
    }

    private static int IntValue(XmlReader reader) =>
        int.TryParse(reader.GetAttribute("val", W), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static RubricFormatException Error(string source, string zh, string en, params object?[] args) =>
        new(LocalizedText.Format("{0}：" + zh, "{0}: " + en, [source, .. args]));
}
