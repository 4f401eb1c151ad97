using Kaoping.Text;

namespace Kaoping.Cli;

/// <summary>The words and options of one command line: positional words, <c>--flag</c>s and <c>--option value</c>s.</summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> s_flags = ["--json", "--help", "-h", "--version"];
    private static readonly HashSet<string> s_options = ["--lang", "--points", "--rubric", "--findings", "--output", "-o", "--format",
        "--provider", "--connection", "--campaign", "--year", "--scheme", "--input",
        "--role", "--target", "--to", "--from", "--evidence", "--evidence-key-file"];
    private readonly Dictionary<string, string> _options = [];
    private readonly HashSet<string> _flags = [];

    public List<string> Words { get; } = [];

    public Language Language { get; private set; } = Language.Zh;

    public static CliArguments Parse(string[] args)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (s_flags.Contains(arg))
            {
                parsed._flags.Add(arg == "-h" ? "--help" : arg);
            }
            else if (s_options.Contains(arg) || arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
            {
                var (name, value) = arg.Contains('=') ? (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..]) : (arg, null);
                if (!s_options.Contains(name))
                    throw Unknown(parsed, arg);
                if (value is null)
                {
                    if (i + 1 >= args.Length)
                        throw new UsageException(LocalizedText.Format("选项 {0} 后面缺少值。", "the option {0} needs a value.", name));
                    value = args[++i];
                }
                parsed._options[name == "-o" ? "--output" : name] = value;
            }
            else if (arg.StartsWith('-') && arg.Length > 1 && !char.IsAsciiDigit(arg[1]))
            {
                throw Unknown(parsed, arg);
            }
            else
            {
                parsed.Words.Add(arg);
            }
        }
        if (parsed._options.TryGetValue("--lang", out var lang))
        {
            parsed.Language = lang.ToLowerInvariant() switch
            {
                "zh" or "zh-cn" or "cn" => Language.Zh,
                "en" or "en-us" => Language.En,
                _ => throw new UsageException(LocalizedText.Format("不支持的语言“{0}”，可用 zh 或 en。", "unsupported language “{0}”; use zh or en.", lang)),
            };
        }
        return parsed;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) => Option(name)
        ?? throw new UsageException(LocalizedText.Format("缺少选项 {0}。", "the option {0} is required.", name));

    /// <summary>The single positional argument after the command words, e.g. the FILE of <c>rubric import FILE</c>.</summary>
    public string Argument(int index, string zhName, string enName) => Words.Count > index
        ? Words[index]
        : throw new UsageException(LocalizedText.Format("缺少参数：{0}。", "missing argument: {1}.", zhName, enName));

    private static UsageException Unknown(CliArguments parsed, string arg) =>
        new(LocalizedText.Format("不认识的选项“{0}”。", "unknown option “{0}”.", arg));
}

/// <summary>A command line that cannot be run as written.</summary>
public sealed class UsageException(LocalizedText message) : InvalidInputException(message);
