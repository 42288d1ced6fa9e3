package dev.mnemo.agent;

import dev.mnemo.llm.ModelReply;

/** Answers a routed message with the agent and model tier its route calls for. */
public interface Agents {

    /** @throws dev.mnemo.llm.ModelUnavailableException when no model could answer */
    ModelReply answer(AgentRequest request);
}
