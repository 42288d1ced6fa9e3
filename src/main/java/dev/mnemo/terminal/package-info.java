/**
 * The terminal chat ({@code ./mnemo chat}): a client of the running server over its HTTP API, with a person's
 * token. Its API is {@link dev.mnemo.terminal.TerminalChat}; it starts no Spring context, so its prompt is up in
 * well under a second, and the server's log never reaches its screen.
 */
package dev.mnemo.terminal;
