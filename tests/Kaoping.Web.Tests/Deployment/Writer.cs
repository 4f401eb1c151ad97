using System.Net;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>
/// One client writing findings on its own sheet until stopped, as Kaoping.Load does: what the server acknowledged last
/// for each item, and the writes after it that got no answer (cut by a killed node: they may or may not have committed).
/// </summary>
internal sealed class Writer(HttpClient client, int sheet)
{
    private static readonly string[] s_items = ["1.1.2", "1.1.5", "1.2.1", "3.3.1", "4.6.1"];
    private readonly Dictionary<string, int> _acknowledged = [];
    private readonly Dictionary<string, HashSet<int>> _unanswered = [];
    private int _acknowledgedCount;

    public int Sheet => sheet;

    public int AcknowledgedCount => Volatile.Read(ref _acknowledgedCount);

    public IReadOnlyDictionary<string, int> Acknowledged => _acknowledged;

    public IReadOnlySet<int> Unanswered(string item) => _unanswered.GetValueOrDefault(item) ?? [];

    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(sheet);
        string? etag = null;
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            try
            {
                etag ??= await ETagAsync(stop);
                var item = s_items[round % s_items.Length];
                var count = random.Next(0, 5);
                try
                {
                    using var response = await TwoNodesBehindNginxTests.PutAsync(client, sheet, item, etag, count);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        etag = response.Headers.ETag!.Tag;
                        _acknowledged[item] = count;
                        _unanswered.Remove(item);
                        Interlocked.Increment(ref _acknowledgedCount);
                    }
                    else
                    {
                        Unknown(item, count);
                        etag = null;
                    }
                }
                catch (HttpRequestException)
                {
                    Unknown(item, count);
                    etag = null;
                }
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                etag = null; // the ETag's read failed: nginx had not yet marked the killed node down
            }
        }
    }

    private void Unknown(string item, int count)
    {
        if (!_unanswered.TryGetValue(item, out var counts))
            _unanswered[item] = counts = [];
        counts.Add(count);
    }

    private async Task<string?> ETagAsync(CancellationToken stop)
    {
        using var response = await client.GetAsync($"/api/sheets/{sheet}", stop);
        return response.IsSuccessStatusCode ? response.Headers.ETag?.Tag : throw new HttpRequestException($"GET sheet {sheet}: {response.StatusCode}");
    }
}
