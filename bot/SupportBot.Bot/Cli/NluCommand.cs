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
        var llmOption = new Option<bool>("--llm") { Description = "Also print the configured LLM's proposal (Llm:Endpoint, Llm:Model, Llm:ApiKey); lines are scrubbed first." };
        var classify = new Command("classify", "Classify utterances read one per line from standard input; print one JSON object per line.")
        {
            language, locales, timings, llmOption,
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

            var (llm, llmError) = parseResult.GetValue(llmOption) ? SupportBot.Bot.Llm.LlmCommandLineProposer.Create(builder.Configuration, folder) : (null, null);
            using var _ = llm;
            if (llmError is not null)
            {
                await error.WriteLineAsync(llmError);
                return 2;
            }

            var defaultLanguage = models.Recognizer.SupportsLanguage("en") ? "en" : models.Recognizer.Languages.First();
            long detectTicks = 0, recognizeTicks = 0, lines = 0;
            var seen = new List<string>();
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
                    var started = Stopwatch.GetTimestamp();
                    var detected = models.Detector.Detect(line);
                    detectTicks += Stopwatch.GetTimestamp() - started;
                    (chosen, languageConfidence) = (detected.Language ?? defaultLanguage, detected.Confidence);
                }

                var recognizerLanguage = models.Recognizer.SupportsLanguage(chosen) ? chosen : defaultLanguage;
                var recognizing = Stopwatch.GetTimestamp();
                var prediction = models.Recognizer.Recognize(line, recognizerLanguage);
                recognizeTicks += Stopwatch.GetTimestamp() - recognizing;
                lines++;
                if (parseResult.GetValue(timings))
                {
                    seen.Add(line);
                }
                var proposal = llm is null ? default : await llm.ProposeAsync(line, chosen, cancellationToken);
                await output.WriteLineAsync(Line(line, chosen, languageConfidence, prediction, llm is null ? null : proposal));
            }

            if (parseResult.GetValue(timings) && lines > 0)
            {
                // The loop above is cold (first calls JIT-compile) and shares the machine; measure again warm, in CPU time.
                var (recognition, detection) = MeasureWarm(models, seen, forced ?? defaultLanguage);
                await error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{lines} utterances, first pass (wall): recognition {Stopwatch.GetElapsedTime(0, recognizeTicks).TotalMicroseconds / lines:F1} µs, detection {Stopwatch.GetElapsedTime(0, detectTicks).TotalMicroseconds / lines:F1} µs; " +
                    $"warm (CPU): recognition {recognition:F1} µs, detection {detection:F1} µs per utterance"));
            }

            return 0;
        });

        return new Command("nlu", "The local language understanding: intent recognizer and language detection.") { classify };
    }

    private static (double RecognitionMicroseconds, double DetectionMicroseconds) MeasureWarm(NluModels models, List<string> lines, string language)
    {
        const int Rounds = 5;
        foreach (var line in lines)
        {
            _ = models.Recognizer.Recognize(line, language);
            _ = models.Detector.Detect(line);
        }

        var start = Environment.CpuUsage.TotalTime;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var line in lines)
            {
                _ = models.Recognizer.Recognize(line, language);
            }
        }

        var middle = Environment.CpuUsage.TotalTime;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var line in lines)
            {
                _ = models.Detector.Detect(line);
            }
        }

        var end = Environment.CpuUsage.TotalTime;
        var count = (double)lines.Count * Rounds;
        return ((middle - start).TotalMicroseconds / count, (end - middle).TotalMicroseconds / count);
    }

    private static string Line(string text, string language, double languageConfidence, IntentPrediction prediction, (string? Intent, double? Confidence, string? Fallback)? llm)
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
            if (llm is { } proposal)
            {
                // --llm: {"intent","confidence"} when the LLM proposed one, else {"fallback": why}.
                writer.WriteStartObject("llm");
                if (proposal.Intent is not null)
                {
                    writer.WriteString("intent", proposal.Intent);
                    writer.WriteNumber("confidence", Math.Round(proposal.Confidence ?? 0, 4));
                }
                else
                {
                    writer.WriteString("fallback", proposal.Fallback);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
