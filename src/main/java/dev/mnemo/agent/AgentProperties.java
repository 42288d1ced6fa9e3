package dev.mnemo.agent;

import dev.mnemo.llm.ModelTier;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param simpleMaxTokens    cap on a simple reply (the prompt asks for one to three sentences; this only stops runaways)
 * @param simpleHistoryTurns earlier messages a simple reply sees, at most: small talk and quick answers need the
 *                           last exchange or two, not the whole recent conversation (a cost trade-off: BENCHMARKS.md)
 * @param toolTier        the model tier of the tool agent ({@code ASSISTANT_TOOL_TIER}: cheap or smart)
 * @param toolMaxSteps    tool rounds per message before the agent stops and reports what it did
 */
@ConfigurationProperties("assistant.agents")
record AgentProperties(int simpleMaxTokens, int simpleHistoryTurns, ModelTier toolTier, int toolMaxSteps) {
    AgentProperties {
        if (simpleMaxTokens < 16 || simpleHistoryTurns < 0 || toolMaxSteps < 1 || toolTier == ModelTier.JUDGE) {
            throw new IllegalArgumentException("assistant.agents: simple-max-tokens >= 16, simple-history-turns >= 0, "
                    + "tool-max-steps >= 1, tool-tier cheap or smart");
        }
    }
}
