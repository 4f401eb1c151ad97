using System.Diagnostics;
using System.Globalization;
using Kaoping.Fuzzing;

// The long fuzzing run: the same readers, seeds and mutations as the tests' few seconds, 100,000 inputs a reader.
//   dotnet run -c Release --project bench/Kaoping.Fuzz -- [--inputs 100000] [--seed 2026] [--threads 2] [--reader "word rubric"]
var inputs = 100_000L;
var seed = 2026UL;
var threads = 2;
string? only = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--inputs":
            inputs = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--threads":
            threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--reader":
            only = args[i + 1];
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

var failed = false;
foreach (var target in FuzzTargets.All(AppContext.BaseDirectory).Concat(WebFuzzTargets.All()).Where(t => only is null || t.Name == only))
{
    try
    {
        var report = FuzzRun.Run(target.Name, target.Inputs, target.Read, seed, inputs, TimeSpan.MaxValue, threads);
        Console.WriteLine(report + string.Create(CultureInfo.InvariantCulture,
            $"; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB"));
    }
    catch (FuzzFailure failure)
    {
        Console.WriteLine(failure.Message);
        Console.WriteLine(failure.InnerException);
        failed = true;
    }
}
return failed ? 1 : 0;
