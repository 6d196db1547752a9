using System.CommandLine;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using SupportBot.Bot.LanguageChoice;
using SupportBot.Bot.Localization;
using SupportBot.Dialogs.LanguageDetection;
using SupportBot.Dialogs.Understanding;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>supportbot nlu classify [--language xx]</c>: reads utterances one per line on standard input and prints one
/// JSON object per line, <c>{"text","language","languageConfidence","intent","confidence"}</c>: the interface for
/// evaluating the local recognizer and language detection on any data set.
/// </summary>
/// <remarks>
/// Needs only the locales folder (<c>Locales:Path</c> from appsettings, <c>Locales__Path</c>, or
/// <c>--locales</c>), not the database, so translators can run it against their own working copy.
/// </remarks>
internal static class NluCommand
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var language = new Option<string?>("--language") { Description = "Force this language (skip detection), e.g. fr." };
        var locales = new Option<string?>("--locales") { Description = "The locales folder; overrides Locales:Path." };
        var timings = new Option<bool>("--timings") { Description = "Report training times on standard error." };
        var classify = new Command("classify", "Classify utterances read one per line from standard input; print one JSON object per line.")
        {
            language, locales, timings,
        };
        classify.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false });
            LocaleFolder folder;
            try
            {
                folder = LocaleFolder.Resolve(parseResult.GetValue(locales) ?? builder.Configuration["Locales:Path"], builder.Environment.ContentRootPath);
            }
            catch (DirectoryNotFoundException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return 2;
            }

            var clock = Stopwatch.StartNew();
            var cpu = Environment.CpuUsage.TotalTime;
            NluModels models;
            try
            {
                var detection = builder.Configuration.GetSection("LanguageDetection").Get<LanguageDetectorOptions>() ?? new LanguageDetectorOptions();
                models = NluModels.Train(folder, detection);
            }
            catch (Exception exception) when (exception is IntentTrainingDataException or System.ComponentModel.DataAnnotations.ValidationException)
            {
                await error.WriteLineAsync(exception.Message);
                return 2;
            }

            if (parseResult.GetValue(timings))
            {
                await error.WriteLineAsync(
                    $"trained {models.Recognizer.Languages.Count} recognizer languages ({string.Join(" ", models.Recognizer.Languages)}) in {models.RecognizerTime.TotalMilliseconds:F0} ms CPU; " +
                    $"language detection over {models.Detector.Languages.Count} languages in {models.DetectorTime.TotalMilliseconds:F0} ms CPU; total {clock.Elapsed.TotalMilliseconds:F0} ms wall, {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds:F0} ms CPU");
            }

            var forced = parseResult.GetValue(language);
            if (forced is not null && !models.Recognizer.SupportsLanguage(forced))
            {
                await error.WriteLineAsync($"No recognizer examples for '{forced}': {folder.Root}/{forced}/intents.json is missing. Trained: {string.Join(", ", models.Recognizer.Languages)}.");
                return 2;
            }

            var defaultLanguage = models.Recognizer.SupportsLanguage("en") ? "en" : models.Recognizer.Languages.First();
            while (await input.ReadLineAsync(cancellationToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                string chosen;
                double languageConfidence;
                if (forced is not null)
                {
                    (chosen, languageConfidence) = (forced, 1.0);
                }
                else
                {
                    var detected = models.Detector.Detect(line);
                    (chosen, languageConfidence) = (detected.Language ?? defaultLanguage, detected.Confidence);
                }

                var recognizerLanguage = models.Recognizer.SupportsLanguage(chosen) ? chosen : defaultLanguage;
                var prediction = models.Recognizer.Recognize(line, recognizerLanguage);
                await output.WriteLineAsync(Line(line, chosen, languageConfidence, prediction));
            }

            return 0;
        });

        return new Command("nlu", "The local language understanding: intent recognizer and language detection.") { classify };
    }

    private static string Line(string text, string language, double languageConfidence, IntentPrediction prediction)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteString("language", language);
            writer.WriteNumber("languageConfidence", Math.Round(languageConfidence, 4));
            writer.WriteString("intent", prediction.Intent.ToLabel());
            writer.WriteNumber("confidence", Math.Round(prediction.Confidence, 4));
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
