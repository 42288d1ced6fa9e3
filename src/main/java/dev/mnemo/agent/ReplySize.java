package dev.mnemo.agent;

/**
 * How much room a reply has on the channel it goes to: every SMS segment is billed, so a text message gets the
 * short version unless the person asks for more.
 */
public enum ReplySize {
    /** A text message: the reply fits one or two SMS segments, and offers the rest when there is more to say. */
    TEXT_MESSAGE,
    /** A chat window (web, Discord, terminal, the API): the route decides the length. */
    CHAT
}
