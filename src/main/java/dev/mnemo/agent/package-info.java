/**
 * The agents that answer a routed message: a simple chat agent and the tool agent (reminders, memory, time), with
 * the prompt they share. Its API is {@link dev.mnemo.agent.Agents} and {@link dev.mnemo.agent.AgentRequest}; the
 * rest is package-private.
 */
package dev.mnemo.agent;
