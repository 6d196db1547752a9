namespace SupportBot.Bot.Storage;

/// <summary>What checking a typed code needs from storage, read at one moment.</summary>
/// <param name="Failures">The account's consecutive failed verifications (a pause is decided from them).</param>
/// <param name="LiveCode">The live code of the (account, session), or <see langword="null"/>.</param>
public sealed record CodeCheckState(AccountFailures Failures, IssuedCode? LiveCode);
