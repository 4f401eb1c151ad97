using System.Diagnostics;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>A web node as systemd runs it (deploy/kaoping@.service): the published Kaoping.Web.dll run in its folder,
/// settings in the environment, on a 127.0.0.1 port; its output kept in a log file for the test's message.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private NodeProcess(int port, Process process, string logPath)
    {
        Port = port;
        _process = process;
        LogPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string LogPath { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static NodeProcess Start(int port, IReadOnlyDictionary<string, string> environment, string published, string directory)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(published, "Kaoping.Web.dll")])
        {
            WorkingDirectory = published,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Kaoping", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        return new NodeProcess(port, Process.Start(start)!, Path.Combine(directory, $"node-{port}.log"));
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan wait, CancellationToken cancel)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"node {Port} exited with {_process.ExitCode}: {Tail()}");
            try
            {
                if ((await http.GetAsync("/health/ready", cancel)).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
            }
            if (clock.Elapsed > wait)
                throw new TimeoutException($"node {Port} not ready after {wait}: {Tail()}");
            await Task.Delay(250, cancel);
        }
    }

    /// <summary><c>kill -9</c>: no shutdown, no flushing, whatever was in flight is cut.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public string Tail() => string.Join('\n', Lines().TakeLast(15));

    /// <summary>What the node wrote so far, line by line.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_log)
            _log.Flush();
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.WriteLine(line);
    }

    public void Dispose()
    {
        try
        {
            KillHard();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }
}
