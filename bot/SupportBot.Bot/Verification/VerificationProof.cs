namespace SupportBot.Bot.Verification;

/// <summary>One passed check: which method, to which contact (id, never the address), since when it was on file.</summary>
public sealed record VerificationProof(string Method, string ContactId, DateTimeOffset ContactOnFileSince, DateTimeOffset PassedAt);
