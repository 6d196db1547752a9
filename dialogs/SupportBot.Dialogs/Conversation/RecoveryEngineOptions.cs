using System.ComponentModel.DataAnnotations;

namespace SupportBot.Dialogs.Conversation;

/// <summary>Tunable numbers of the conversation; bound from configuration section "Engine" and validated at start-up.</summary>
public sealed class RecoveryEngineOptions
{
    /// <summary>Below this recognizer confidence the bot asks a clarifying question.</summary>
    /// <value>0.45</value>
    [Range(0.05, 0.95)]
    public double ClarifyBelowConfidence { get; set; } = 0.45;

    /// <summary>How many problem buttons a clarifying question offers.</summary>
    /// <value>3</value>
    [Range(1, 6)]
    public int ClarifyChoices { get; set; } = 3;
}
