/**
 * The configured chat models behind one call, with retries, circuit breakers, the cheap-model fallback and prompt
 * caching. Its API is {@link dev.mnemo.llm.LanguageModels} with its request and reply values ({@link
 * dev.mnemo.llm.ModelRequest}, {@link dev.mnemo.llm.ModelReply}, {@link dev.mnemo.llm.ChatTurn}, the tool types)
 * and {@link dev.mnemo.llm.Prompts}; providers and their clients are package-private.
 */
package dev.mnemo.llm;
