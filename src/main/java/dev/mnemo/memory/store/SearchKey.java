package dev.mnemo.memory.store;

/**
 * What the keyword index holds for a memory.
 *
 * @param about   its text, kind and tags: what a person's own search matches
 * @param context the message it was taken from, or null: also searched for a prompt's recall, with less weight
 */
public record SearchKey(String about, String context) {
}
