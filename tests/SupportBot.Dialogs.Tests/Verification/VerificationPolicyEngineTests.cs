using SupportBot.Dialogs.Conversation;
using SupportBot.Dialogs.Tests.Conversation;
using SupportBot.Dialogs.Understanding;
using Xunit;

namespace SupportBot.Dialogs.Tests.Verification;

/// <summary>The engine's side of the verification policy: claims refused in every state, saved recovery codes, the slow path.</summary>
public sealed class VerificationPolicyEngineTests
{
    private static MessageUnderstanding Claim(UserClaim claim, ExtractedEntities? entities = null) =>
        new(new IntentPrediction(Intent.UpdateContactInfo, 0.9, Intent.OutOfScope, 0.05), entities ?? ExtractedEntities.None) { Claim = claim };

    [Theory]
    [InlineData(RecoveryState.Triage)]
    [InlineData(RecoveryState.Identify)]
    [InlineData(RecoveryState.AwaitCode)]
    public void ContactChange_IsRefusedWithTheSafeRoutes_AndNothingMoves(RecoveryState where)
    {
        var script = ScriptIn(where);
        var before = script.Snapshot.State;

        // The address in the message must not become an identifier, nor its digits a code.
        script.Understand(Claim(UserClaim.ContactChange, new(["new@x.example"], ["+15550199"], ["12345678"], [])));

        Assert.Equal(before, script.Snapshot.State);
        Assert.Equal("verify.refuse.contact-change", script.ReplyKeys[0]);
        Assert.True(script.ReplyKeys.Count >= 2, "the state asks its question again after refusing");
        Assert.DoesNotContain(script.Last.Effects, effect => effect is TurnEffect.StartVerification or TurnEffect.CheckCode or TurnEffect.SendCode);
        Assert.Contains(script.Last.Effects, effect => effect is TurnEffect.Audit { EventType: "contact_change_refused" });
    }

    [Theory]
    [InlineData(RecoveryState.Triage)]
    [InlineData(RecoveryState.Identify)]
    [InlineData(RecoveryState.AwaitCode)]
    public void PersonalFacts_AreNeverProof(RecoveryState where)
    {
        var script = ScriptIn(where);
        var before = script.Snapshot.State;

        script.Understand(Claim(UserClaim.PersonalFacts, new([], [], ["1990"], [])));

        Assert.Equal(before, script.Snapshot.State);
        Assert.Equal("verify.refuse.personal-facts", script.ReplyKeys[0]);
        Assert.DoesNotContain(script.Last.Effects, effect => effect is TurnEffect.CheckCode);
        Assert.NotEqual(RecoveryState.Verified, script.Snapshot.State);
    }

    [Fact]
    public void ContactChange_AsTheFirstMessage_IsWelcomedThenRefused()
    {
        var script = new EngineScript().Understand(Claim(UserClaim.ContactChange));

        Assert.Equal(RecoveryState.Triage, script.Snapshot.State);
        Assert.Contains("greeting.welcome", script.ReplyKeys);
        Assert.Contains("verify.refuse.contact-change", script.ReplyKeys);
    }

    [Fact]
    public void RecoveryCode_SendsNothing_ChecksTheTypedCode_AndCountsAsAnIndependentProof()
    {
        var script = ScriptIn(RecoveryState.ChooseMethod).Press(UserCommand.MethodEmail)
            .Result(new ServiceResult.CodeSent("email", 8, TimeSpan.FromMinutes(30)))
            .Type(EngineScript.Code("11112222")).Result(new ServiceResult.CodeAccepted("email", 1, 2));
        Assert.Equal(RecoveryState.SecondFactor, script.Snapshot.State);

        script.Press(UserCommand.MethodRecoveryCode);
        Assert.Equal(RecoveryState.AwaitCode, script.Snapshot.State);
        Assert.Empty(script.Last.Effects);
        Assert.Equal(["verify.recovery-code.prompt"], script.ReplyKeys);

        script.Understand(new MessageUnderstanding(null, ExtractedEntities.None) { RecoveryCodes = ["7KQM4XPD9RTAWB2F"] });
        Assert.Equal(new TurnEffect.CheckRecoveryCode("7KQM4XPD9RTAWB2F"), Assert.Single(script.Last.Effects));

        script.Result(new ServiceResult.CodeRejected(0));
        Assert.Equal(["verify.recovery-code.rejected"], script.ReplyKeys);

        script.Understand(new MessageUnderstanding(null, ExtractedEntities.None) { RecoveryCodes = ["HN3V8CZE2MWQ6TJR"] })
            .Result(new ServiceResult.CodeAccepted("recovery-code", 2, 2));
        Assert.Equal(RecoveryState.Verified, script.Snapshot.State);
    }

    [Fact]
    public void SlowPath_PointsToTheRecoveryForm_NotAPause()
    {
        var script = ScriptIn(RecoveryState.AwaitCode);

        script.Type(EngineScript.Code("12345678")).Result(new ServiceResult.VerificationLocked(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), SlowPath: true));

        Assert.Equal(RecoveryState.VerificationFailed, script.Snapshot.State);
        Assert.Equal(["verify.slow-path"], script.ReplyKeys);
        Assert.Equal(24, script.Last.Replies[0].Arguments["hours"]);
    }

    private static EngineScript ScriptIn(RecoveryState state)
    {
        var script = new EngineScript().Start();
        if (state == RecoveryState.Triage)
        {
            return script;
        }

        script.Press(UserCommand.Human);
        if (state == RecoveryState.Identify)
        {
            return script;
        }

        script.Type(EngineScript.Email("ade@example.com"));
        if (state == RecoveryState.ChooseMethod)
        {
            return script;
        }

        return script.Press(UserCommand.MethodSms).Result(new ServiceResult.CodeSent("sms", 8, TimeSpan.FromMinutes(10)));
    }
}
