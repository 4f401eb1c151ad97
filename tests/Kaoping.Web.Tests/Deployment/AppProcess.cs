using System.Diagnostics;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>The web app (or the CLI) as a process of its own, as systemd starts it: settings in the environment.</summary>
internal sealed record AppProcess(int ExitCode, string Out, string Err)
{
    /// <summary>Starts <paramref name="assembly"/> (<c>Kaoping.Web.dll</c> or <c>kaoping.dll</c>) and waits at most
    /// <paramref name="wait"/> for it to exit.</summary>
    public static async Task<AppProcess> RunAsync(string assembly, IReadOnlyDictionary<string, string> environment, TimeSpan wait,
        string[]? args = null, string? stdin = null)
    {
        var workingDirectory = Path.Combine(Path.GetTempPath(), "kaoping-process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, assembly), .. args ?? []])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Kaoping", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        if (stdin is not null)
            await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new(-1, await stdout, "still running after " + wait + ": " + await stderr);
        }
        return new(process.ExitCode, await stdout, await stderr);
    }
}
