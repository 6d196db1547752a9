using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace SupportBot.Bot.Tests.Agents;

/// <summary>An agent's browser session against /agent/api: a cookie jar, the antiforgery token, JSON calls.</summary>
internal sealed class AgentConsoleClient(HttpClient http)
{
    private string? _csrf;

    public HttpClient Http => http;

    public async Task RefreshCsrfAsync()
    {
        var body = await http.GetFromJsonAsync<JsonElement>("/agent/api/antiforgery", TestContext.Current.CancellationToken);
        _csrf = body.GetProperty("token").GetString();
    }

    public async Task<HttpResponseMessage> SignInAsync(string username, string password)
    {
        await RefreshCsrfAsync();
        var response = await PostAsync("/agent/api/session", new { username, password });
        if (response.IsSuccessStatusCode)
        {
            await RefreshCsrfAsync(); // The token is bound to the signed-in agent.
        }

        return response;
    }

    public async Task<HttpResponseMessage> PostAsync(string path, object? body = null, bool withCsrf = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (withCsrf && _csrf is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", _csrf);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Clone();
    }

    public async Task<IReadOnlyList<string>> QueueCaseIdsAsync() =>
        [.. (await GetJsonAsync("/agent/api/queue")).GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!)];
}
