using Kaoping.Fuzzing;

namespace Kaoping.Documents.Tests.Fuzzing;

/// <summary>
/// Every reader of untrusted bytes on mutated seeds, a few seconds each and the same inputs every run: nothing but a
/// refusal may come out, no input may take more than the hang bound or allocate more than 512 MB. The long run of
/// 100,000 inputs a reader is bench/Kaoping.Fuzz.
/// </summary>
public class ReaderFuzzTests
{
    private static readonly Lazy<IReadOnlyList<FuzzTarget>> s_targets = new(() => FuzzTargets.All(AppContext.BaseDirectory));

    public static TheoryData<string> Readers() => [.. s_targets.Value.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Readers))]
    public void MutatedInputs_AreReadOrRefused_NeverCrash(string reader)
    {
        var target = s_targets.Value.Single(t => t.Name == reader);

        var report = FuzzRun.Run(target.Name, target.Inputs, target.Read, seed: 2026, maxInputs: long.MaxValue, maxTime: TimeSpan.FromSeconds(3));

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        Assert.True(report.Inputs > 0);
        Assert.True(report.Refused > 0, "the mutations reach the refusals");
    }
}
