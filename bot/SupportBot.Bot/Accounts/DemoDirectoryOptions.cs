using System.ComponentModel.DataAnnotations;

namespace SupportBot.Bot.Accounts;

/// <summary>The demo account directory, bound from section "Directory".</summary>
public sealed class DemoDirectoryOptions
{
    /// <summary>Use the demo accounts instead of the platform's account service.</summary>
    /// <value>true</value>
    public bool Demo { get; set; } = true;

    /// <summary>Extra generated accounts <c>user1@example.com</c> … for load tests (email on file for years, no MFA).</summary>
    /// <value>0</value>
    [Range(0, 1_000_000)]
    public int DemoExtraAccounts { get; set; }
}
