namespace Kaoping.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static string Seed => Path.Combine(AppContext.BaseDirectory, "rubrics", "2018-county-safety-rubric.txt");

    public static string Unseen(string name) => Path.Combine(AppContext.BaseDirectory, "unseen", name);

    public static CliRun Of(params string[] args) => WithInput(null, args);

    /// <summary>The command with <paramref name="stdin"/> as the one line it reads from standard input.</summary>
    public static CliRun WithInput(string? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = KaopingCli.Run(args, stdout, stderr, () => stdin);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static string TempFile(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "kaoping-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, content);
        return path;
    }

    public static string TempFile(byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), "kaoping-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, content);
        return path;
    }
}
