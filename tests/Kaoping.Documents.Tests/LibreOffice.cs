using System.Diagnostics;

namespace Kaoping.Documents.Tests;

/// <summary>LibreOffice headless, the real office client of the tests (Debian's libreoffice-writer-nogui; test.sh installs it).</summary>
internal static class LibreOffice
{
    public static string Convert(string input, string format, string? inputFilter = null)
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
