using System.Diagnostics;

namespace Kaoping.Documents.Tests;

/// <summary>LibreOffice headless, the real office client of the tests (Debian's libreoffice-writer-nogui; test.sh installs it).</summary>
internal static class LibreOffice
{
    // One soffice at a time: instances sharing a profile hand their work to each other and exit without output.
    private static readonly Lock s_one = new();

    public static string Convert(string input, string format, string? inputFilter = null)
    {
        lock (s_one)
            return ConvertAlone(input, format, inputFilter);
    }

    private static string ConvertAlone(string input, string format, string? inputFilter)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "kaoping-lo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        var profile = "file://" + Path.Combine(Path.GetTempPath(), "kaoping-lo-profile-" + Environment.ProcessId);
        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-env:UserInstallation=" + profile, "--headless", "--norestore" })
            start.ArgumentList.Add(arg);
        if (inputFilter is not null)
            start.ArgumentList.Add("--infilter=" + inputFilter);
        foreach (var arg in new[] { "--convert-to", format, "--outdir", outDir, input })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        var converted = Directory.GetFiles(outDir).SingleOrDefault()
            ?? throw new InvalidOperationException("LibreOffice produced nothing: " + output);
        return converted;
    }
}
