namespace SupportBot.Bot.Retention;

public interface IRetentionPreparer
{
    Task PrepareAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
