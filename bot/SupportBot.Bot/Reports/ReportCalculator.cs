using System.Text.Json;
using SupportBot.Bot.Agents;
using SupportBot.Dialogs.Conversation;

namespace SupportBot.Bot.Reports;

/// <summary>One figure of one period and segment: a count, and for durations the samples (seconds) it counts.</summary>
public sealed class ReportFigure
{
    public long Value { get; set; }

    public List<long>? Samples { get; set; }
}

/// <summary>The key of a figure inside a period.</summary>
public readonly record struct FigureKey(string Country, string Language, string Metric);

/// <summary>
/// Turns raw rows into the figures of the periods asked for. Pure: no storage, no clock but <c>now</c>. Each event
/// counts in the period it happened in; a conversation counts in the period it started in (with its state as it
/// stands when computed); a case's backlog is counted at each period's end.
/// </summary>
public static class ReportCalculator
{
    public static IReadOnlyDictionary<DateTimeOffset, Dictionary<FigureKey, ReportFigure>> Compute(
        ReportRawData raw, ReportGranularity granularity, IReadOnlySet<DateTimeOffset> periodStarts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(periodStarts);
        var result = periodStarts.ToDictionary(start => start, _ => new Dictionary<FigureKey, ReportFigure>());

        ReportFigure? Figure(DateTimeOffset at, string country, string language, string metric)
        {
            var start = granularity.StartOf(at);
            if (!result.TryGetValue(start, out var figures))
            {
                return null;
            }

            var key = new FigureKey(country, language, metric);
            if (!figures.TryGetValue(key, out var figure))
            {
                figures[key] = figure = new ReportFigure();
            }

            return figure;
        }

        void Count(DateTimeOffset at, (string Country, string Language) segment, string metric, long by = 1)
        {
            if (Figure(at, segment.Country, segment.Language, metric) is { } figure)
            {
                figure.Value += by;
            }
        }

        void Sample(DateTimeOffset at, (string Country, string Language) segment, string metric, TimeSpan duration)
        {
            if (Figure(at, segment.Country, segment.Language, metric) is { } figure)
            {
                figure.Value++;
                (figure.Samples ??= []).Add(Math.Max(0, (long)duration.TotalSeconds));
            }
        }

        var conversations = raw.Conversations.ToDictionary(c => c.ConversationId, StringComparer.Ordinal);
        var cases = raw.Cases.ToDictionary(c => c.CaseId, StringComparer.Ordinal);
        var escalatedConversations = new HashSet<string>(raw.Cases.Select(c => c.ConversationId), StringComparer.Ordinal);

        (string, string) SegmentOf(RawEvent e)
        {
            if (e.CaseId is { } caseId && cases.TryGetValue(caseId, out var c))
            {
                return (c.Country, c.Language);
            }

            return e.ConversationId is { } id && conversations.TryGetValue(id, out var conversation)
                ? (conversation.Country, conversation.Language)
                : (ReportMetrics.UnknownCountry, ReportMetrics.UnknownLanguage);
        }

        // Conversations: what they were about, and whether self-help ended them (resolved, no case ever opened).
        foreach (var conversation in raw.Conversations)
        {
            var segment = (conversation.Country, conversation.Language);
            Count(conversation.CreatedAt, segment, ReportMetrics.Conversations);
            if (conversation.Problem is { } problem)
            {
                Count(conversation.CreatedAt, segment, ReportMetrics.ProblemStated);
                Count(conversation.CreatedAt, segment, ReportMetrics.ProblemPrefix + problem);
                if (problem == "account_hacked")
                {
                    Count(conversation.CreatedAt, segment, ReportMetrics.TakeoverReports);
                }
                else if (problem == "suspicious_message")
                {
                    Count(conversation.CreatedAt, segment, ReportMetrics.PhishingReports);
                }

                if (conversation.State == nameof(RecoveryState.Resolved) && conversation.CaseId is null
                    && !escalatedConversations.Contains(conversation.ConversationId))
                {
                    Count(conversation.CreatedAt, segment, ReportMetrics.SelfHelpResolved);
                }
            }
        }

        var firstAccept = new HashSet<string>(StringComparer.Ordinal);
        var lastResolution = new Dictionary<string, (string Outcome, DateTimeOffset At)>(StringComparer.Ordinal);
        var repudiations = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var recoveryStarts = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        var agentDays = new Dictionary<(string Agent, DateTimeOffset Day), (DateTimeOffset First, DateTimeOffset Last)>();
        foreach (var e in raw.Events)
        {
            var segment = SegmentOf(e);
            if (e.Actor.StartsWith("agent:", StringComparison.Ordinal))
            {
                var agent = e.Actor["agent:".Length..];
                var day = new DateTimeOffset(e.At.UtcDateTime.Date, TimeSpan.Zero);
                agentDays[(agent, day)] = agentDays.TryGetValue((agent, day), out var span)
                    ? (span.First < e.At ? span.First : e.At, span.Last > e.At ? span.Last : e.At)
                    : (e.At, e.At);
            }

            switch (e.Type)
            {
                case "recovery_started":
                    Count(e.At, segment, ReportMetrics.VerificationStarted);
                    if (e.ConversationId is { } started)
                    {
                        (recoveryStarts.TryGetValue(started, out var list) ? list : recoveryStarts[started] = []).Add(e.At);
                    }

                    break;
                case "verification_passed":
                    Count(e.At, segment, ReportMetrics.VerificationPassed);
                    Count(e.At, segment, ReportMetrics.VerifiedClaimants);
                    using (var data = JsonDocument.Parse(e.DataJson))
                    {
                        var root = data.RootElement;
                        if (root.TryGetProperty("mfa", out var mfa) && root.TryGetProperty("recoveryContacts", out var contacts))
                        {
                            Count(e.At, segment, ReportMetrics.SafeguardsRecorded);
                            Count(e.At, segment, ReportMetrics.WithMfa, mfa.GetBoolean() ? 1 : 0);
                            Count(e.At, segment, ReportMetrics.WithTwoPlusRecovery, contacts.GetInt32() >= 2 ? 1 : 0);
                        }
                    }

                    break;
                case "verification_failed":
                    Count(e.At, segment, ReportMetrics.VerificationFailed);
                    break;
                case "throttled" or "verification_paused" or "verification_slow_path":
                    Count(e.At, segment, ReportMetrics.VerificationThrottled);
                    break;
                case "escalated":
                    Count(e.At, segment, ReportMetrics.Escalations);
                    break;
                case "agent_accepted" when e.CaseId is { } accepted && cases.TryGetValue(accepted, out var acceptedCase) && firstAccept.Add(accepted):
                    Count(e.At, segment, ReportMetrics.AgentAccepted);
                    Sample(e.At, segment, ReportMetrics.TimeToAgent, e.At - acceptedCase.CreatedAt);
                    break;
                case "agent_resolved" when e.CaseId is { } resolved:
                    using (var data = JsonDocument.Parse(e.DataJson))
                    {
                        var outcome = data.RootElement.TryGetProperty("outcome", out var o) ? o.GetString() ?? "other" : "other";
                        var cause = data.RootElement.TryGetProperty("cause", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                        Count(e.At, segment, ReportMetrics.OutcomePrefix + outcome);
                        lastResolution[resolved] = (outcome, e.At);
                        if (cause is not null && TakeoverCauses.Taxonomy.Contains(cause, StringComparer.Ordinal))
                        {
                            Count(e.At, segment, ReportMetrics.ConfirmedTakeovers);
                            Count(e.At, segment, ReportMetrics.ConfirmedCausePrefix + cause);
                        }

                        if (outcome == "restored" && cases.TryGetValue(resolved, out var restoredCase))
                        {
                            // From the claimant's start of verification (the latest before the case opened), else from the case.
                            var from = restoredCase.CreatedAt;
                            if (recoveryStarts.TryGetValue(restoredCase.ConversationId, out var starts) && starts.Any(s => s <= restoredCase.CreatedAt))
                            {
                                from = starts.Where(s => s <= restoredCase.CreatedAt).Max();
                            }

                            Sample(e.At, segment, ReportMetrics.TimeToRestore, e.At - from);
                        }
                    }

                    break;
                case "agent_returned_to_bot" when e.CaseId is { } returned:
                    Count(e.At, segment, ReportMetrics.OutcomePrefix + "returned_to_bot");
                    lastResolution[returned] = ("returned_to_bot", e.At);
                    break;
                case "case_cancelled":
                    Count(e.At, segment, ReportMetrics.OutcomePrefix + "cancelled");
                    break;
                case "repudiated" when e.CaseId is { } repudiated:
                    Count(e.At, segment, ReportMetrics.Repudiated);
                    repudiations.TryAdd(repudiated, e.At);
                    break;
            }
        }

        // Wrongful recoveries: restored, and the owner said "this wasn't me" (before or after); counted when both are known.
        foreach (var (caseId, repudiatedAt) in repudiations)
        {
            if (lastResolution.TryGetValue(caseId, out var resolution) && resolution.Outcome == "restored" && cases.TryGetValue(caseId, out var c))
            {
                Count(resolution.At > repudiatedAt ? resolution.At : repudiatedAt, (c.Country, c.Language), ReportMetrics.WrongfulRecoveries);
            }
        }

        // Wrongful denials: resolved "not the owner", then a later case on the same account restored (counted at the restore).
        foreach (var account in raw.Cases.Where(c => lastResolution.ContainsKey(c.CaseId)).GroupBy(c => c.AccountRef, StringComparer.Ordinal))
        {
            var resolutions = account.Select(c => (Case: c, lastResolution[c.CaseId].Outcome, lastResolution[c.CaseId].At)).OrderBy(r => r.At).ToList();
            foreach (var denied in resolutions.Where(r => r.Outcome == "not_owner"))
            {
                var restored = resolutions.FirstOrDefault(r => r.Outcome == "restored" && r.At > denied.At);
                if (restored.Case is not null && !repudiations.ContainsKey(restored.Case.CaseId))
                {
                    Count(restored.At, (restored.Case.Country, restored.Case.Language), ReportMetrics.WrongfulDenials);
                }
            }
        }

        // Backlog: cases open at each period's end (or now, for the period under way).
        foreach (var start in periodStarts)
        {
            var end = granularity.Next(start);
            var at = end < now ? end : now;
            foreach (var c in raw.Cases.Where(c => c.CreatedAt < at && (c.ClosedAt is null || c.ClosedAt > at)))
            {
                Count(start, (c.Country, c.Language), ReportMetrics.Backlog);
            }
        }

        // Staffing: agents with any console action, and the span from their first to their last action of each UTC day.
        var all = (ReportMetrics.AllSegments, ReportMetrics.AllSegments);
        foreach (var group in agentDays.GroupBy(pair => granularity.StartOf(pair.Key.Day)))
        {
            Count(group.Key, all, ReportMetrics.ActiveAgents, group.Select(pair => pair.Key.Agent).Distinct(StringComparer.Ordinal).Count());
            Count(group.Key, all, ReportMetrics.AgentSeconds, group.Sum(pair => (long)(pair.Value.Last - pair.Value.First).TotalSeconds));
        }

        return result;
    }

    /// <summary>The nearest-rank percentile (<paramref name="percent"/> of 100) of samples, or null when there are none.</summary>
    public static long? Percentile(IReadOnlyList<long> samples, int percent)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
