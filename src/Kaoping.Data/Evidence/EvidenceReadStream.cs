namespace Kaoping.Data.Evidence;

/// <summary>
/// The plaintext of an encrypted evidence file, read-only and seekable (ranges of a download, the inspection of an
/// upload). One chunk is decrypted and checked at a time, so memory stays at one chunk whatever the file's size; a
/// chunk that fails its tag throws <see cref="EvidenceCipherException"/> before any of it is returned.
/// </summary>
public sealed class EvidenceReadStream : Stream
{
    private readonly Stream _file;
    private readonly EvidenceKey _key;
    private readonly byte[] _header = new byte[EvidenceFormat.HeaderLength];
    private readonly byte[] _sealed = new byte[EvidenceFormat.SealedChunk];
    private readonly byte[] _plain = new byte[EvidenceFormat.SealedChunk];
    private readonly long _chunks;
    private long _loaded = -1;
    private int _loadedLength;
    private long _position;

    /// <summary>Reads and checks the header of <paramref name="file"/> (seekable, at its start).</summary>
    public EvidenceReadStream(Stream file, EvidenceKey? key)
    {
        _file = file;
        _file.ReadExactly(_header);
        EvidenceFormat.CheckHeader(_header, key);
        _key = key!;
        var body = file.Length - EvidenceFormat.HeaderLength;
        _chunks = body / EvidenceFormat.SealedChunk + (body % EvidenceFormat.SealedChunk == 0 ? 0 : 1);
        if (_chunks == 0 || body - (_chunks - 1) * EvidenceFormat.SealedChunk < EvidenceFormat.TagLength)
        {
            throw new EvidenceCipherException(new("加密文件的长度不对——文件被截断或改动。",
                "the encrypted file's length is wrong — the file was cut off or changed."));
        }
        Length = body - _chunks * EvidenceFormat.TagLength;
    }

    public override long Length { get; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.Length == 0)
            return 0;
        var chunk = _position / EvidenceFormat.ChunkSize;
        if (chunk != _loaded)
            Load(chunk);
        var within = (int)(_position - chunk * EvidenceFormat.ChunkSize);
        var take = Math.Min(buffer.Length, _loadedLength - within);
        _plain.AsSpan(within, take).CopyTo(buffer);
        _position += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _file.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        await base.DisposeAsync();
    }

    private void Load(long chunk)
    {
        var start = EvidenceFormat.HeaderLength + chunk * EvidenceFormat.SealedChunk;
        var length = (int)Math.Min(EvidenceFormat.SealedChunk, _file.Length - start);
        _file.Position = start;
        _file.ReadExactly(_sealed, 0, length);
        _loaded = -1;
        _loadedLength = EvidenceFormat.Process(false, _key, _header, chunk, chunk == _chunks - 1, _sealed, length, _plain);
        _loaded = chunk;
    }
}
