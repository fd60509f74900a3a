package org.cxrstudio.core.training.loss;

/**
 * Adaptive asymmetric label sharpening (AALS) of a teacher probability into a pseudo-label for
 * an unlabelled image: {@code S(y) = sigmoid(a·logit(y) + (1−a)·logit(t))} with
 * {@code a = a0 − (a0 − 1)·y_max}, and target {@code max(S(y), y)}. {@code S} fixes the point
 * {@code y = t} and steepens around it by {@code a}; taking the max with {@code y} makes the
 * sharpening asymmetric (confident-ish positives are pushed up, nothing is pushed down, because
 * missed TB is costlier than a false alarm), and {@code a} shrinks to 1 (no sharpening) as the
 * teacher's most confident class approaches 1. Pure, thread-safe.
 *
 * @param a0 sharpening at {@code y_max = 0}, {@code >= 1}
 * @param t  the fixed point, {@code (0, 1)}
 */
public record Aals(double a0, double t) {
    /** {@code a0 = 2.5}, {@code t = 0.4}. */
    public static final Aals DEFAULT = new Aals(2.5, 0.4);
    private static final double EPS = 1e-6;

    public Aals {
        if (!(a0 >= 1)) {
            throw new IllegalArgumentException("AALS a0 must be >= 1, got " + a0);
        }
        if (!(t > 0 && t < 1)) {
            throw new IllegalArgumentException("AALS t must be in (0, 1), got " + t);
        }
    }

    /** The sharpened value {@code S(y)} for a class probability {@code y} given {@code yMax}. */
    public double sharpen(double y, double yMax) {
        double a = a0 - (a0 - 1) * yMax;
        return sigmoid(a * logit(y) + (1 - a) * logit(t));
    }

    /** The pseudo-label {@code max(S(y), y)}; single-class models have {@code y_max = y}. */
    public double target(double y, double yMax) {
        return Math.max(sharpen(y, yMax), y);
    }

    /** Single-class shorthand: {@code target(y, y)}. */
    public double target(double y) {
        return target(y, y);
    }

    static double logit(double p) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(q / (1 - q));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
