using System.Text;

namespace Gongkai.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        return CliApp.Run(args, Console.Out, Console.Error);
    }
}
