using System.Text;

namespace Kaoping.Cli;

/// <summary>A password from standard input: one line when piped, typed without echo at a terminal.</summary>
internal static class PasswordInput
{
    public static string? Read()
    {
        if (Console.IsInputRedirected)
            return Console.In.ReadLine();
        Console.Error.Write("密码 / password: ");
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                    typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
