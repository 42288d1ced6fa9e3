package dev.mnemo.memory.write;

import java.util.Optional;

/** What the sleep job needs of {@link Statements}: slot conflicts and the richer of two wordings. */
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

    /** The wording with more content words (the first when equal). */
    public static String richer(String a, String b) {
        return Statements.contentWords(b).size() > Statements.contentWords(a).size() ? b : a;
    }
}
