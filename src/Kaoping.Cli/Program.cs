using System.Text;
using Kaoping.Cli;

Console.OutputEncoding = Encoding.UTF8;
return KaopingCli.Run(args, Console.Out, Console.Error, PasswordInput.Read);
