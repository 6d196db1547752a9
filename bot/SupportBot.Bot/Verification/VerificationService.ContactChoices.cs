using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Verification;

public sealed partial class VerificationService
{
    private static readonly string[] s_sentMethods = ["email", "sms"];

    /// <summary>
    /// Puts masked contacts on the engine's method buttons, as far as docs/security.md D3 allows: before a first
    /// proof only with <see cref="ContactMaskDisplay.Always"/> (fake masks for what is not on file, so every identifier
    /// shows the same kind of buttons); after one, the real picture: only methods with a contact on file, and no
    /// SMS while a SIM change holds it back (said in a note before the buttons).
    /// </summary>
    public Func<Reply, IEnumerable<Reply>> WithContactChoices(VerificationSession? session) => reply => Decorate(reply, session);

    private IEnumerable<Reply> Decorate(Reply reply, VerificationSession? session)
    {
        if (session is null || !reply.Actions.Any(action => IsSentMethod(action.Value)))
        {
            yield return reply;
            yield break;
        }

        var afterFirstProof = session.Proofs.Count > 0;
        var showMasks = afterFirstProof || _options.ContactMasks == ContactMaskDisplay.Always;
        var actions = new List<ReplyAction>(reply.Actions.Count);
        var smsHeldBack = false;
        foreach (var action in reply.Actions)
        {
            var method = IsSentMethod(action.Value) ? action.Value["method:".Length..] : null;
            if (method is null)
            {
                actions.Add(action);
                continue;
            }

            if (afterFirstProof && (!session.MethodsOnFile.Contains(method) || (method == "sms" && session.SmsBlocked)))
            {
                smsHeldBack |= method == "sms" && session.SmsBlocked && session.MethodsOnFile.Contains(method);
                continue;
            }

            actions.Add(showMasks && session.Masks.TryGetValue(method, out var mask)
                ? action with
                {
                    TitleKey = "verify.action.method-" + method + "-masked",
                    TitleArguments = new Dictionary<string, object?>(StringComparer.Ordinal) { ["contact"] = mask },
                }
                : action);
        }

        if (smsHeldBack)
        {
            yield return Reply.Of("verify.sms-blocked");
        }

        yield return reply with { Actions = actions };
    }

    private static bool IsSentMethod(string value) =>
        value.StartsWith("method:", StringComparison.Ordinal) && s_sentMethods.Contains(value["method:".Length..], StringComparer.Ordinal);
}
