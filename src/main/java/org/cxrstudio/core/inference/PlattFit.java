package org.cxrstudio.core.inference;

/**
 * Fits {@link ScoreCalibration} by maximum likelihood: logistic regression of the label on
 * {@code logit(p)}, solved by Newton's method with Platt's (1999) smoothed targets
 * {@code (nPos + 1) / (nPos + 2)} and {@code 1 / (nNeg + 2)}, which keep the fit finite on
 * separable data. Pure, thread-safe.
 */
public final class PlattFit {
    private static final int MAX_ITERATIONS = 100;

    private PlattFit() { }

    /**
     * @param probabilities raw model probabilities, {@code 0..1}
     * @param positive      labels (TB)
     * @throws IllegalArgumentException on length mismatch, a value outside {@code 0..1}, one class
     *                                  only, or a fit whose slope is not positive (the score does
     *                                  not rank TB above normal on these images)
     */
    public static ScoreCalibration fit(double[] probabilities, boolean[] positive, String fittedOn, String date) {
        int n = probabilities.length;
        if (n != positive.length || n == 0) {
            throw new IllegalArgumentException(n + " scores but " + positive.length + " labels");
        }
        int nPos = 0;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
                throw new IllegalArgumentException("probability not in 0..1: " + probabilities[i]);
            }
            x[i] = ScoreCalibration.logit(probabilities[i]);
            nPos += positive[i] ? 1 : 0;
        }
        if (nPos == 0 || nPos == n) {
            throw new IllegalArgumentException("calibration needs TB and non-TB images, but all " + n + " are "
                    + (nPos == 0 ? "non-TB" : "TB"));
        }
        double tPos = (nPos + 1.0) / (nPos + 2.0);
        double tNeg = 1.0 / (n - nPos + 2.0);
        double a = 1;
        double b = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double q = ScoreCalibration.sigmoid(a * x[i] + b);
                double d = q - (positive[i] ? tPos : tNeg);
                double w = q * (1 - q);
                ga += d * x[i];
                gb += d;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double before = loss(x, positive, tPos, tNeg, a, b);
            double step = 1;
            while (step > 1e-6 && loss(x, positive, tPos, tNeg, a - step * da, b - step * db) > before) {
                step /= 2; // backtracking keeps Newton from overshooting on nearly separable data
            }
            a -= step * da;
            b -= step * db;
            if (Math.abs(step * da) < 1e-10 && Math.abs(step * db) < 1e-10) {
                break;
            }
        }
        if (!(a > 0)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "calibration slope %.3f is not positive: on these images the score does not rank TB above non-TB", a));
        }
        return new ScoreCalibration(ScoreCalibration.PLATT, a, b, n, nPos, fittedOn, date);
    }

    /** Cross-entropy of the smoothed targets. */
    private static double loss(double[] x, boolean[] positive, double tPos, double tNeg, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = a * x[i] + b;
            double t = positive[i] ? tPos : tNeg;
            // log(1 + e^z) - t z, computed without overflow
            sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - t * z;
        }
        return sum;
    }
}
