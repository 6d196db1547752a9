using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using SupportBot.Bot.Localization.Tooling;

namespace SupportBot.Bot.Cli;

/// <summary><c>supportbot locales pseudo [--out DIR]</c>: writes qps-ploc and qps-plocm catalogs for tools (screenshots, TMS previews).</summary>
/// <remarks>Generated, never committed: the bot builds the same catalogs in memory at start-up when pseudo-locales are enabled.</remarks>
internal static class LocalesPseudoCommand
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output)
    {
        var path = LocalesCommand.PathOption();
        var outFolder = new Option<DirectoryInfo?>("--out") { Description = "Where to write <locale>/<file>.json (default: ./pseudo-locales)." };
        var pseudo = new Command("pseudo", "Generate the accented (qps-ploc) and right-to-left (qps-plocm) pseudo-locales from en.") { path, outFolder };
        pseudo.SetAction(parseResult =>
        {
            var root = LocalesCommand.ResolvePath(parseResult.GetValue(path));
            var target = parseResult.GetValue(outFolder)?.FullName ?? Path.Combine(Directory.GetCurrentDirectory(), "pseudo-locales");
            foreach (var (locale, files) in PseudoLocales.Generate(root))
            {
                var folder = Path.Combine(target, locale);
                Directory.CreateDirectory(folder);
                foreach (var (name, messages) in files)
                {
                    File.WriteAllText(Path.Combine(folder, name), JsonSerializer.Serialize(messages, s_json) + "\n");
                }

                output.WriteLine($"{locale}: {files.Sum(f => f.Value.Count)} messages in {files.Count} file(s) → {folder}");
            }

            return 0;
        });
        return pseudo;
    }
}
