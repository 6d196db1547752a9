namespace SupportBot.Bot.Delivery;

/// <summary>A gateway refused a message. <see cref="Permanent"/> failures (a rejected recipient, a bad request)
/// are not retried: trying again would only repeat them.</summary>
public sealed class DeliveryFailedException : Exception
{
    public DeliveryFailedException()
    {
    }

    public DeliveryFailedException(string message)
        : base(message)
    {
    }

    public DeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeliveryFailedException(string message, bool permanent, Exception? innerException = null)
        : base(message, innerException)
    {
        Permanent = permanent;
    }

    public bool Permanent { get; }
}
