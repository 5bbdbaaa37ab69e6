using System.Text;
using Mariachi.Analyzers.Baseline;
using Mariachi.Cli.Commands;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Cli.Baselines;

/// <summary>Reads and writes <c>mariachi-baseline.json</c> for the commands; a file that does not read is a usage error naming where.</summary>
internal static class BaselineFile
{
    public static string DefaultPath(string solutionDirectory) => Path.Combine(solutionDirectory, BaselineDocument.FileName);

    /// <exception cref="UsageException">The file is missing or does not read (the message is MAR0901's, with file and position).</exception>
    public static BaselineDocument Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"baseline file '{path}' does not exist (write one with `mariachi baseline`)");
        }

        var text = File.ReadAllText(path);
        var read = BaselineDocument.Read(text);
        if (read.Error is { } error)
        {
            var position = SourceText.From(text).Lines.GetLinePosition(Math.Min(error.Offset, text.Length));
            throw new UsageException($"{path}({position.Line + 1},{position.Character + 1}): the Mariachi baseline is invalid: {error.Message}");
        }

        return read.Document!;
    }

    public static void Write(string path, BaselineDocument document) =>
        File.WriteAllText(path, document.Write(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
