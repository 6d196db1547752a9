namespace SupportBot.Bot.Verification;

/// <summary>When the method buttons show masked contacts (docs/security.md D3).</summary>
public enum ContactMaskDisplay
{
    /// <summary>Plain "Email" / "Text message" until the claimant passed one check; masks after that.</summary>
    AfterFirstProof,

    /// <summary>Masks from the start; identifiers that match nothing get deterministic fake masks.</summary>
    Always,
}
