using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Channels.DirectLine;

/// <summary>
/// Gives a host without a configured secret one random secret for the life of the process, so the server still
/// runs (tokens then die with the process). The secret is made once per container, however many options caches ask.
/// </summary>
internal sealed class DirectLineOptionsPostConfigure : IPostConfigureOptions<DirectLineOptions>
{
    private readonly Lazy<string> _generatedSecret;

    public DirectLineOptionsPostConfigure(ILogger<DirectLineOptionsPostConfigure> logger)
    {
        _generatedSecret = new(() =>
        {
            // Logs the fact, never the value.
            DirectLineLog.GeneratedSecret(logger);
            return Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));
        });
    }

    public void PostConfigure(string? name, DirectLineOptions options)
    {
        if (options.Secrets.Count == 0)
        {
            options.Secrets.Add(_generatedSecret.Value);
        }
    }
}
