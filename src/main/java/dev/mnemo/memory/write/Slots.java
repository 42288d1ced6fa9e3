package dev.mnemo.memory.write;

import dev.mnemo.memory.MemoryKind;
import java.util.Optional;

/** What the sleep job and the read path need of {@link Statements}: slot conflicts, replacements and the richer of two wordings. */
public final class Slots {
    private Slots() {
    }

    /** True when both statements fill the same slot with different values ("my sister is Ana" / "… Anna"). */
    public static boolean conflict(String a, String b) {
        Optional<Statements.SlotValue> x = Statements.slot(a);
        Optional<Statements.SlotValue> y = Statements.slot(b);
        return x.isPresent() && y.isPresent() && x.get().slot().equals(y.get().slot())
                && !x.get().value().equals(y.get().value());
    }

    /**
     * True when the newer statement replaces the older: the same slot with another value, or a change said about
     * the older one's subject ({@link Corrections#replaces}).
     *
     * @param similarity the cosine of their vectors
     */
    public static boolean supersedes(String older, String newer, double similarity) {
        return conflict(older, newer) || Corrections.replaces(older, newer, Statements.isCorrection(newer), similarity,
                Statements.kindOf(newer) == MemoryKind.EVENT);
    }

    /** Greetings, thanks and acknowledgements ("hi", "thanks!", "ok cool"): nothing in them to recall for. */
    public static boolean isSmallTalk(String text) {
        return Statements.isSmallTalk(text);
    }

    /** The wording with more content words (the first when equal). */
    public static String richer(String a, String b) {
        return Statements.contentWords(b).size() > Statements.contentWords(a).size() ? b : a;
    }
}
