package org.cxrstudio.core.eval;

/**
 * Wilson score interval of a binomial proportion (Wilson 1927): better coverage than the normal
 * approximation for the small counts of a clinic's calibration set, and never outside
 * {@code 0..1}. Pure, thread-safe.
 */
public final class Wilson {
    /** Two-sided 95 % normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() { }

    /**
     * A proportion's interval.
     *
     * @param lower in {@code 0..1}
     * @param upper in {@code lower..1}
     */
    public record Interval(double lower, double upper) { }

    /**
     * 95 % interval of {@code successes / n}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= n} and {@code n > 0}
     */
    public static Interval interval95(int successes, int n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n > 0, got " + successes + "/" + n);
        }
        double z2 = Z95 * Z95;
        double p = (double) successes / n;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
