using System.Xml;

namespace Kaoping.Text;

/// <summary>
/// A check of an XML part's nesting before a DOM library reads it: a library that builds a tree (the Open XML SDK) can
/// take seconds on a few hundred KB nested thousands deep. No DTD, no external entities.
/// </summary>
public static class XmlDepth
{
    /// <summary>Null when the part is well within <paramref name="maxDepth"/>, or not XML at all (the library then calls it damaged).</summary>
    public static int? Exceeded(byte[] xml, int maxDepth)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            while (reader.Read())
            {
                if (reader.Depth > maxDepth)
                    return reader.Depth;
            }
        }
        catch (XmlException)
        {
            return null;
        }
        return null;
    }
}
