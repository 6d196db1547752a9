using System.Collections.Frozen;

namespace SupportBot.Dialogs.Understanding.Llm;

/// <summary>
/// What each label of the closed set means (docs/intents.md), as the LLM is told. These definitions are the only
/// domain knowledge the prompt carries: no thresholds, secrets, roles or verification rules (security.md A4).
/// </summary>
public static class IntentDefinitions
{
    private static readonly FrozenDictionary<Intent, string> s_meanings = new Dictionary<Intent, string>
    {
        [Intent.Greeting] = "hello, hi, good morning, with nothing else",
        [Intent.AccountHacked] = "someone else got into or took over the account: posts/messages they did not send, password/email/phone changed by someone else, \"I was hacked\"",
        [Intent.LockedOut] = "cannot log in / account locked / temporarily blocked / security checkpoint / \"suspicious activity\" lock, without saying it was hacked",
        [Intent.AccountDisabled] = "account disabled, suspended, banned or removed for violating rules; wants to appeal",
        [Intent.ForgotPassword] = "forgot the password, wants to reset it",
        [Intent.CodeNotReceived] = "the confirmation/login/reset code by SMS or email does not arrive",
        [Intent.Lost2faDevice] = "lost or changed the phone / authenticator app / security key used for two-factor login, no backup codes",
        [Intent.UpdateContactInfo] = "wants to add or change the email address or phone number on the account",
        [Intent.SuspiciousMessage] = "received a message/email/call claiming to be from support or security (threat to delete the account, asks for password or code, a link to \"verify\"); asks whether it is real",
        [Intent.Impersonation] = "someone created a fake profile pretending to be them or using their photos",
        [Intent.HumanAgent] = "wants to talk to a person, a real agent, customer service, a human",
        [Intent.CaseStatus] = "asks about the status of a request/case/ticket they already opened",
        [Intent.ChangeLanguage] = "asks to continue in another language",
        [Intent.Affirm] = "yes, correct, that's right, ok",
        [Intent.Deny] = "no, that's not it, wrong",
        [Intent.ThanksGoodbye] = "thanks, bye, that's all",
        [Intent.OutOfScope] = "anything unrelated to account access (weather, jokes, other products' questions, buying ads)",
    }.ToFrozenDictionary();

    /// <summary>The meaning of <paramref name="intent"/>'s label.</summary>
    public static string Meaning(Intent intent) => s_meanings[intent];

    /// <summary>Every label of the closed set, in declaration order.</summary>
    public static IReadOnlyList<string> Labels { get; } = [.. IntentLabels.All.Select(intent => intent.ToLabel())];
}
