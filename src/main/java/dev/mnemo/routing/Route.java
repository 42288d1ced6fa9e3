package dev.mnemo.routing;

/** How a message is answered: a command needs no model, the others pick an agent and its model tier. */
public enum Route {
    /** A slash command: answered without any model call. */
    COMMAND,
    /** Small talk and quick answers: the cheap model. */
    SIMPLE,
    /** Planning, analysis, writing, advice: the smart model. */
    COMPLEX,
    /** Needs an action (reminders, memory): the tool agent. */
    TOOL
}
