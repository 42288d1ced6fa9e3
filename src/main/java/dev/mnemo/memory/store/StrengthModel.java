package dev.mnemo.memory.store;

import java.time.Duration;

/**
 * How strong a memory is, 0..1, the way human memory behaves (Ebbinghaus forgetting curve with spacing):
 * <pre>
 *   strength(t)  = s0 · 2^(−(t − t0) / h)
 *   h            = halfLife · √(1 + accessCount) · (0.5 + importance / 10)
 *   on access:   s ← s(t) + (1 − s(t)) / 2,  accessCount + 1,  t0 ← now
 * </pre>
 * An unused memory of importance 3 fades to 0.05 (the prune line) in about 104 days with a 30-day half-life;
 * each use moves it halfway back to 1 and slows its future fading; importance 10 fades three times slower
 * than importance 1.
 */
public final class StrengthModel {
    private final double halfLifeMillis;

    public StrengthModel(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("the memory half-life must be positive");
        }
        this.halfLifeMillis = halfLife.toMillis();
    }

    public double at(double strength, long strengthAt, long now, int accessCount, int importance) {
        long elapsed = Math.max(0, now - strengthAt);
        double halfLife = halfLifeMillis * Math.sqrt(1 + accessCount) * (0.5 + importance / 10.0);
        return strength * Math.pow(2, -elapsed / halfLife);
    }

    /**
     * {@link #at} as SQL over a memories row (the same on SQLite, with its math functions, and PostgreSQL), for
     * sorting by the strength a page shows; {@code :now} is the time, in epoch milliseconds.
     */
    public String sql() {
        String halvings = "(CAST(CASE WHEN strength_at > :now THEN 0 ELSE :now - strength_at END AS DOUBLE PRECISION)"
                + " / (CAST(" + (long) halfLifeMillis + " AS DOUBLE PRECISION) * sqrt(CAST(1 + access_count AS DOUBLE PRECISION))"
                + " * (0.5 + CAST(importance AS DOUBLE PRECISION) / 10)))";
        // Past 900 halvings it is 0 for any purpose; PostgreSQL would fail on the underflow instead of saying so.
        return "(CASE WHEN " + halvings + " > 900 THEN 0 ELSE strength * power(2, -" + halvings + ") END)";
    }

    public static double reinforced(double current) {
        return current + (1 - current) / 2;
    }
}
