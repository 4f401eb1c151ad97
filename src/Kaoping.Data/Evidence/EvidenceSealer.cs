namespace Kaoping.Data.Evidence;

/// <summary>
/// Writes content to an encrypted evidence file as it comes (<see cref="EvidenceFormat"/>): one chunk is held until
/// the next byte shows it is not the last. <see cref="CompleteAsync"/> seals the last chunk; without it the file is
/// unreadable, which is right for an upload that failed half-way.
/// </summary>
public sealed class EvidenceSealer(Stream output, EvidenceKey key)
{
    private readonly byte[] _header = EvidenceFormat.NewHeader(key);
    private readonly byte[] _chunk = new byte[EvidenceFormat.ChunkSize];
    private readonly byte[] _sealed = new byte[EvidenceFormat.SealedChunk];
    private int _held;
    private long _number;
    private bool _started;

    public async Task WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancel)
    {
        if (!_started)
        {
            await output.WriteAsync(_header, cancel);
            _started = true;
        }
        while (content.Length > 0)
        {
            if (_held == _chunk.Length)
                await SealAsync(last: false, cancel);
            var take = Math.Min(content.Length, _chunk.Length - _held);
            content[..take].CopyTo(_chunk.AsMemory(_held));
            _held += take;
            content = content[take..];
        }
    }

    public async Task CompleteAsync(CancellationToken cancel)
    {
        if (!_started)
            await WriteAsync(ReadOnlyMemory<byte>.Empty, cancel);
        await SealAsync(last: true, cancel);
        await output.FlushAsync(cancel);
    }

    private async Task SealAsync(bool last, CancellationToken cancel)
    {
        var length = EvidenceFormat.Process(true, key, _header, _number, last, _chunk, _held, _sealed);
        await output.WriteAsync(_sealed.AsMemory(0, length), cancel);
        _number++;
        _held = 0;
    }
}
