using System.Diagnostics;
using BenchmarkDotNet.Running;
using Kaoping.Benchmarks;

// `zip`: one run of the largest report — 2,851 sheets as .xlsx into one .zip — with its time and peak memory.
if (args is ["zip", ..])
{
    var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "kaoping-2851-sheets.zip");
    var (elapsed, bytes) = ZipRun.Run(path);
    Console.WriteLine($"2,851 sheets as .xlsx into {path}: {elapsed.TotalSeconds:F1} s, {bytes / 1024 / 1024} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
