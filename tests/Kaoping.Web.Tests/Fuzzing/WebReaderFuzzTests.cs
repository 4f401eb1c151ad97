using Kaoping.Fuzzing;

namespace Kaoping.Web.Tests.Fuzzing;

/// <summary>
/// The web app's readers of uploaded files on mutated seeds, as <c>Kaoping.Documents.Tests</c>' ReaderFuzzTests do for
/// the others: a few seconds each, the same inputs every run, nothing but a refusal may come out.
/// </summary>
public class WebReaderFuzzTests
{
    public static TheoryData<string> Readers() => [.. WebFuzzTargets.All().Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Readers))]
    public void MutatedInputs_AreReadOrRefused_NeverCrash(string reader)
    {
        var target = WebFuzzTargets.All().Single(t => t.Name == reader);

        var report = FuzzRun.Run(target.Name, target.Inputs, target.Read, seed: 2026, maxInputs: long.MaxValue, maxTime: TimeSpan.FromSeconds(3));

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        Assert.True(report.Inputs > 0);
        Assert.True(report.Refused > 0, "the mutations reach the refusals");
        Assert.True(report.Accepted > 0, "some mutations still read");
    }
}
