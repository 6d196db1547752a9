namespace SupportBot.Bot.Storage;

/// <summary>Everything a code send is throttled by, read at one moment.</summary>
/// <param name="Failures">The account's consecutive failed verifications (a pause is decided from them).</param>
/// <param name="AccountSendsLastHour">Sends to any destination of the account in the hour before the read.</param>
/// <param name="AccountSendsLastDay">Sends to any destination of the account in the day before the read.</param>
/// <param name="DestinationSendsLastHour">Sends to the one destination asked about, from any account, in the hour before the read.</param>
/// <param name="DestinationSendsLastDay">Sends to that destination in the day before the read (the per-destination daily cap).</param>
public sealed record SendWindow(AccountFailures Failures, int AccountSendsLastHour, int AccountSendsLastDay, int DestinationSendsLastHour, int DestinationSendsLastDay = 0);
