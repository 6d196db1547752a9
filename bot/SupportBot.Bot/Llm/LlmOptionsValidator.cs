using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Llm;

/// <summary>Start-up checks of <see cref="LlmOptions"/>; messages name the key at fault and never echo the API key.</summary>
internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        if (!options.Enabled)
        {
            if (!string.IsNullOrEmpty(options.ApiKey) || !string.IsNullOrWhiteSpace(options.Model))
            {
                failures.Add("Llm:Model or Llm:ApiKey is set but Llm:Endpoint is not; set the endpoint or remove them.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            failures.Add("Llm:Endpoint must be an absolute http(s) address without credentials, e.g. https://api.openai.com/v1.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Llm:Model must name the model when Llm:Endpoint is set.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKeyHeader) || options.ApiKeyHeader.Any(c => c <= ' ' || c == ':' || c > '~'))
        {
            failures.Add("Llm:ApiKeyHeader must be an HTTP header name such as Authorization or api-key.");
        }

        if (options.ApiKey is { } key && key.Any(char.IsControl))
        {
            failures.Add("Llm:ApiKey contains control characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
