using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Accounts.Http;

/// <summary>The platform's account service over HTTP (docs/account-directory.md), bound from section "Directory:Http".</summary>
public sealed class HttpAccountDirectoryOptions
{
    /// <summary>The service's base address, e.g. <c>https://accounts.internal/</c>; required when <c>Directory:Demo</c> is false.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c>; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt may take.</summary>
    /// <value>2 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a lookup may take in all, retries included; then the bot answers neutrally.</summary>
    /// <value>5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a timeout, a connection failure or a 5xx.</summary>
    /// <value>2</value>
    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    /// <summary>First retry delay; later ones double, with jitter.</summary>
    /// <value>100 ms.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
