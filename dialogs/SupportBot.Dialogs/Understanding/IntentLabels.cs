using System.Collections.Frozen;

namespace SupportBot.Dialogs.Understanding;

/// <summary>Maps <see cref="Intent"/> to and from the labels used in <c>locales/&lt;lang&gt;/intents.json</c>.</summary>
public static class IntentLabels
{
    private static readonly FrozenDictionary<Intent, string> s_toLabel = new Dictionary<Intent, string>
    {
        [Intent.OutOfScope] = "out_of_scope",
        [Intent.Greeting] = "greeting",
        [Intent.AccountHacked] = "account_hacked",
        [Intent.LockedOut] = "locked_out",
        [Intent.AccountDisabled] = "account_disabled",
        [Intent.ForgotPassword] = "forgot_password",
        [Intent.CodeNotReceived] = "code_not_received",
        [Intent.Lost2faDevice] = "lost_2fa_device",
        [Intent.UpdateContactInfo] = "update_contact_info",
        [Intent.SuspiciousMessage] = "suspicious_message",
        [Intent.Impersonation] = "impersonation",
        [Intent.HumanAgent] = "human_agent",
        [Intent.CaseStatus] = "case_status",
        [Intent.ChangeLanguage] = "change_language",
        [Intent.Affirm] = "affirm",
        [Intent.Deny] = "deny",
        [Intent.ThanksGoodbye] = "thanks_goodbye",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Intent> s_fromLabel =
        s_toLabel.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every intent, in declaration order.</summary>
    public static IReadOnlyList<Intent> All { get; } = Enum.GetValues<Intent>();

    /// <summary>The data label of an intent, e.g. <c>account_hacked</c>.</summary>
    public static string ToLabel(this Intent intent) => s_toLabel[intent];

    /// <summary>The intent for a data label, or <see langword="null"/> when the label is unknown.</summary>
    public static Intent? FromLabel(string label) => s_fromLabel.TryGetValue(label, out var intent) ? intent : null;
}
