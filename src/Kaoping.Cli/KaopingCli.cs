using Kaoping.Cli.Commands;
using Kaoping.Text;

namespace Kaoping.Cli;

/// <summary>
/// The <c>kaoping</c> command line. Exit codes: 0 done, 1 a rubric check found problems, 2 bad input or usage
/// (one message on standard error, nothing on standard output).
/// </summary>
public static class KaopingCli
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;

    /// <param name="readPassword">One line of standard input (the password of <c>user add</c>); none by default.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string?>? readPassword = null)
    {
        var language = PeekLanguage(args);
        var output = new StringWriter();
        try
        {
            var cli = CliArguments.Parse(args);
            language = cli.Language;
            var code = Dispatch(cli, output, readPassword ?? (() => null));
            stdout.Write(output.ToString());
            return code;
        }
        catch (InvalidInputException e)
        {
            stderr.WriteLine((language == Language.Zh ? "错误：" : "error: ") + e.Text.In(language));
            return BadInput;
        }
    }

    // The language for a message about a command line that does not parse.
    private static Language PeekLanguage(string[] args)
    {
        var at = Array.IndexOf(args, "--lang");
        var value = at >= 0 && at + 1 < args.Length ? args[at + 1] : args.FirstOrDefault(a => a.StartsWith("--lang=", StringComparison.Ordinal))?[7..];
        return value is not null && value.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Zh;
    }

    private static int Dispatch(CliArguments cli, TextWriter output, Func<string?> readPassword)
    {
        if (cli.Has("--version"))
        {
            output.WriteLine("kaoping " + typeof(KaopingCli).Assembly.GetName().Version?.ToString(3));
            return Ok;
        }
        var words = cli.Words;
        string Word(int i) => words.Count > i ? words[i] : "";
        if (cli.Has("--help") || words.Count == 0)
        {
            output.Write(Help.Text(cli.Language));
            return Ok;
        }
        return (Word(0), Word(1)) switch
        {
            ("rubric", "import") => RubricCommand.Import(cli, output),
            ("rubric", "check") => RubricCommand.Check(cli, output),
            ("rubric", "list") => RubricCommand.List(output),
            ("rules", "parse") => RulesCommand.Parse(cli, output),
            ("score", _) => ScoreCommand.Run(cli, output),
            ("result", _) => ResultCommand.Result(cli, output),
            ("rank", _) => ResultCommand.Rank(cli, output),
            ("migrate", _) => MigrateCommand.Run(cli, output),
            ("user", "add") => UserCommand.Add(cli, output, readPassword),
            ("backup", _) => BackupCommand.Backup(cli, output, TimeProvider.System),
            ("restore", _) => BackupCommand.Restore(cli, output),
            ("audit", "verify") => AuditCommand.Verify(cli, output),
            ("export", "sheet") => ExportCommand.Sheet(cli, output),
            _ => throw new UsageException(LocalizedText.Format(
                "不认识的命令“{0}”。运行 kaoping --help 查看用法。", "unknown command “{0}”. Run kaoping --help for usage.", string.Join(' ', words))),
        };
    }
}
