package org.cxrstudio.core.inference;


import static org.cxrstudio.core.io.Strings.orEmpty;

/**
 * Maps the network's TB probability to a calibrated one by Platt scaling on the logit:
 * {@code q = sigmoid(a * logit(p) + b)}. Fitted on labelled validation images (see
 * {@link PlattFit}) and stored in the model card's {@code calibration} block; the ONNX file is not
 * changed. With {@code a > 0} the map is strictly increasing, so a threshold on {@code p} and its
 * image under {@link #apply} make the same decisions. Immutable, thread-safe.
 *
 * @param method   {@value #PLATT}
 * @param a        slope on {@code logit(p)}, {@code > 0}
 * @param b        intercept
 * @param n        images it was fitted on
 * @param nPositive TB images among them
 * @param fittedOn what data: folders and split, free text for the card reader
 * @param date     ISO date of the fit, e.g. {@code 2026-12-02}
 */
public record ScoreCalibration(String method, double a, double b, int n, int nPositive, String fittedOn, String date) {
    public static final String PLATT = "platt";
    /** Probabilities are clamped to {@code [EPS, 1 - EPS]} before the logit (saturated outputs stay finite). */
    static final double EPS = 1e-7;

    public ScoreCalibration {
        if (!PLATT.equals(method)) {
            throw new IllegalArgumentException("calibration.method must be '" + PLATT + "', got '" + method + "'");
        }
        if (!(a > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("calibration needs a finite slope a > 0 and a finite b, got a=" + a + ", b=" + b);
        }
        fittedOn = orEmpty(fittedOn);
        date = orEmpty(date);
    }

    /** Calibrated probability of a raw model probability {@code p} in {@code 0..1}. */
    public double apply(double p) {
        return sigmoid(a * logit(p) + b);
    }

    /** The raw probability whose calibrated value is {@code q} (inverse of {@link #apply}). */
    public double invert(double q) {
        return sigmoid((logit(q) - b) / a);
    }

    static double logit(double p) {
        double c = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(c / (1 - c));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
