using System.Diagnostics;
using CsCheck;
using Kaoping.Text;

namespace Kaoping.Fuzzing;

/// <summary>What a run did: inputs read, how many were accepted and refused, the most one input allocated, the slowest input.</summary>
public sealed record FuzzReport(string Reader, long Inputs, long Accepted, long Refused, long MaxAllocatedBytes, double SlowestMs, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Reader}: {Inputs:N0} inputs ({Accepted:N0} accepted, {Refused:N0} refused), 0 crashes, 0 hangs, {Elapsed.TotalSeconds:0.0} s; " +
        $"at most {MaxAllocatedBytes / 1024.0 / 1024.0:0.0} MB allocated and {SlowestMs:0} ms for one input");
}

/// <summary>A crash (an exception other than a refusal), a hang or an input that took too much memory: the input is saved for a test.</summary>
public sealed class FuzzFailure(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Feeds generated inputs to a reader, input i from PCG stream i of the seed, so a run is the same every time and any
/// failing input can be made again. Only <see cref="InvalidInputException"/> (and its kinds) is an allowed outcome.
/// The hang bound only guards against a reader that never returns; it is far above any input's time.
/// </summary>
public static class FuzzRun
{
    public static FuzzReport Run(string reader, Gen<byte[]> inputs, Action<byte[]> read, ulong seed, long maxInputs, TimeSpan maxTime,
        int threads = 1, TimeSpan? hang = null, long maxAllocatedBytes = 512L * 1024 * 1024)
    {
        var hangBound = hang ?? TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();
        long next = -1, accepted = 0, refused = 0, maxAllocated = 0, slowestTicks = 0;
        var started = new long[threads];
        var current = new long[threads];
        Exception? failure = null;
        var workers = Enumerable.Range(0, threads).Select(w => new Thread(() =>
        {
            while (Volatile.Read(ref failure) is null && clock.Elapsed < maxTime)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= maxInputs)
                    break;
                byte[] input;
                try
                {
                    input = Input(inputs, seed, i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, new FuzzFailure($"the generator failed on input {i} of seed {seed}: {e.Message}", e), null);
                    break;
                }
                Volatile.Write(ref current[w], i);
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                Volatile.Write(ref started[w], Stopwatch.GetTimestamp());
                try
                {
                    read(input);
                    Interlocked.Increment(ref accepted);
                }
                catch (InvalidInputException)
                {
                    Interlocked.Increment(ref refused);
                }
                catch (Exception e)
                {
                    var crash = new FuzzFailure(Describe(reader, "crashed", seed, i, input, e.GetType().Name + ": " + e.Message), e);
                    Interlocked.CompareExchange(ref failure, crash, null);
                }
                var ticks = Stopwatch.GetTimestamp() - Volatile.Read(ref started[w]);
                Volatile.Write(ref started[w], 0);
                Max(ref slowestTicks, ticks);
                var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                Max(ref maxAllocated, allocated);
                if (allocated > maxAllocatedBytes)
                    Interlocked.CompareExchange(ref failure, new FuzzFailure(Describe(reader, "allocated " + allocated + " bytes", seed, i, input, "")), null);
            }
        }) { IsBackground = true, Name = reader + " fuzz " + w }).ToList();
        workers.ForEach(t => t.Start());
        while (workers.Any(t => t.IsAlive))
        {
            Thread.Sleep(50);
            for (var w = 0; w < threads; w++)
            {
                var since = Volatile.Read(ref started[w]);
                if (since != 0 && Stopwatch.GetElapsedTime(since) > hangBound && Volatile.Read(ref failure) is null)
                {
                    var i = Volatile.Read(ref current[w]);
                    var input = Input(inputs, seed, i);
                    throw new FuzzFailure(Describe(reader, $"did not return within {hangBound.TotalSeconds} s", seed, i, input, ""));
                }
            }
        }
        if (failure is not null)
            throw failure;
        var inputsRead = accepted + refused;
        return new FuzzReport(reader, inputsRead, accepted, refused, maxAllocated, slowestTicks * 1000.0 / Stopwatch.Frequency, clock.Elapsed);
    }

    private static byte[] Input(Gen<byte[]> inputs, ulong seed, long i) =>
        inputs.Generate(new PCG((uint)(i % uint.MaxValue), seed + (ulong)(i / uint.MaxValue)), null!, out _);

    private static void Max(ref long location, long value)
    {
        long seen;
        while (value > (seen = Volatile.Read(ref location)) && Interlocked.CompareExchange(ref location, value, seen) != seen)
        {
        }
    }

    private static string Describe(string reader, string what, ulong seed, long index, byte[] input, string detail)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kaoping-fuzz-{reader.Replace(' ', '-')}-{seed}-{index}.bin");
        File.WriteAllBytes(path, input);
        return $"{reader} {what} on input {index} of seed {seed} ({input.Length} bytes, saved to {path}) {detail}";
    }
}
