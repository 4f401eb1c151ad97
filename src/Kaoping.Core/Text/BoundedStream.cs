namespace Kaoping.Text;

/// <summary>Reads an uploaded or opened stream whole, but never past a limit: a huge file is refused before it is in memory.</summary>
public static class BoundedStream
{
    public static byte[] ReadAll(Stream stream, int maxBytes, Func<InvalidInputException> tooLarge)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw tooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
